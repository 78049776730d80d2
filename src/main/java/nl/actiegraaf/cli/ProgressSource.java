package nl.actiegraaf.cli;

import nl.actiegraaf.store.GraphSource;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWrapper;
import org.apache.jena.sparql.core.Quad;

/** A graph source that tells {@link Progress} when it starts and counts the triples it emits; otherwise itself. */
record ProgressSource(GraphSource source, Progress progress) implements GraphSource {

    @Override
    public String graph() {
        return source.graph();
    }

    @Override
    public String knownGraph() {
        return source.knownGraph();
    }

    @Override
    public String origin() {
        return source.origin();
    }

    @Override
    public String sourceDigest() {
        return source.sourceDigest();
    }

    @Override
    public void emit(StreamRDF out) {
        progress.begin(source.origin());
        source.emit(new StreamRDFWrapper(out) {
            @Override
            public void triple(Triple triple) {
                progress.countTriple();
                super.triple(triple);
            }

            @Override
            public void quad(Quad quad) {
                progress.countTriple();
                super.quad(quad);
            }
        });
    }

    @Override
    public String toString() {
        return source.toString();
    }
}
