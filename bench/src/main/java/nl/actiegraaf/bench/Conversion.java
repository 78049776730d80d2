package nl.actiegraaf.bench;

final class Conversion {
    static void run(Bench.Options options) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
    static void child(Bench.Options options) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
