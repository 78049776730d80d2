package nl.actiegraaf.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code actiegraaf.jar}: one subcommand per job. */
@Command(name = "actiegraaf",
        mixinStandardHelpOptions = true,
        version = "actiegraaf 0.1.0",
        description = "Knowledge graph of the follow-up actions to the POK inquiry.",
        subcommands = {ConvertCommand.class, ServeCommand.class, LoadCommand.class, LinkCommand.class})
public final class Main {
    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }
}
