package nl.actiegraaf.store;

import java.util.function.Consumer;
import org.apache.jena.riot.system.StreamRDF;

/**
 * Something that becomes the whole content of one named graph: a converted report, an RDF file.
 * Emitting is the only thing a source does; the loader decides how (and whether) it reaches the store.
 */
public interface GraphSource {
    /** The named graph this source replaces. */
    String graph();

    /**
     * The graph this source fills when known without reading it (further), else null: a converted
     * report is named by the report resource it emits, so it knows its graph once that has passed. A
     * load writes a source's triples into the store as they come from the moment this is known.
     */
    default String knownGraph() {
        return graph();
    }

    /** For messages: usually the file name. */
    String origin();

    /** Sends the triples (quads are not expected) to {@code out}; throws {@link LoadException} on bad input. */
    void emit(StreamRDF out);

    /**
     * A cheap digest of everything {@link #emit} reads (file bytes, converter version), which also fixes
     * the graph it fills; null when there is none. A load that finds this digest recorded for a graph in
     * {@link Iris#META} takes that graph as unchanged without emitting (see {@link SourceDigest}).
     */
    default String sourceDigest() {
        return null;
    }

    static GraphSource of(String graph, String origin, Consumer<StreamRDF> emitter) {
        return new GraphSource() {
            @Override
            public String graph() {
                return graph;
            }

            @Override
            public String origin() {
                return origin;
            }

            @Override
            public void emit(StreamRDF out) {
                emitter.accept(out);
            }

            @Override
            public String toString() {
                return origin + " -> <" + graph + ">";
            }
        };
    }
}
