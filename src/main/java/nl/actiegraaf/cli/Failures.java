package nl.actiegraaf.cli;

import picocli.CommandLine.Model.CommandSpec;

/** Commands fail with one line on stderr and exit code 2, never a stack trace. */
final class Failures {
    static final int EXIT_FAILURE = 2;

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    private Failures() {
    }

    static int oneLine(CommandSpec spec, Work work) {
        try {
            work.run();
            return 0;
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            spec.commandLine().getErr().println("actiegraaf " + spec.name() + ": " + message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip());
            spec.commandLine().getErr().flush();
            return EXIT_FAILURE;
        }
    }
}
