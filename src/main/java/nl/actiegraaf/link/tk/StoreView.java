package nl.actiegraaf.link.tk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import nl.actiegraaf.store.Store;
import org.apache.jena.query.Query;
import org.apache.jena.rdflink.RDFLink;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.system.Txn;

/**
 * What the linkset reads from the store: its Kamerstukken and the register's persons, by the queries
 * in {@code link/} on the class path. In-process over the embedded store, over SPARQL otherwise.
 */
public final class StoreView {
    private static final Query KAMERSTUKKEN = read("link/tk-kamerstukken.rq");
    private static final Query PERSONEN = read("link/tk-personen.rq");
    private static final long TIME_LIMIT_SECONDS = 120;

    private StoreView() {
    }

    public static List<KamerstukRef> kamerstukken(Store store) {
        List<KamerstukRef> papers = new ArrayList<>();
        select(store, KAMERSTUKKEN, row -> {
            var nummer = row.get("nummer");
            var dossier = row.get("dossier");
            if (nummer == null || dossier == null || !nummer.isLiteral() || !dossier.isLiteral()
                    || !(nummer.getLiteralValue() instanceof Number n) || n.intValue() < 1) {
                return; // the shapes forbid this; a store without them must not stop the linkset
            }
            papers.add(new KamerstukRef(row.get("kamerstuk").getURI(), dossier.getLiteralLexicalForm(), n.intValue(),
                    "true".equals(row.get("motie").getLiteralLexicalForm())));
        });
        return papers;
    }

    public static RegisterPersons persons(Store store) {
        RegisterPersons persons = new RegisterPersons();
        select(store, PERSONEN, row -> persons.add(row.get("persoon").getURI(), row.get("naam").getLiteralLexicalForm()));
        return persons;
    }

    private static void select(Store store, Query query, Consumer<Binding> each) {
        // Through the store's one link (in this JVM or over HTTP), whose default graph is the union of
        // the named graphs, as the endpoint's is.
        RDFLink link = store.link();
        Txn.executeRead(link, () -> {
            try (QueryExec exec = link.newQuery().query(query).timeout(TIME_LIMIT_SECONDS, TimeUnit.SECONDS).build()) {
                exec.select().forEachRemaining(each);
            }
        });
    }

    private static Query read(String resource) {
        try (InputStream in = StoreView.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return QueryFactory.create(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
