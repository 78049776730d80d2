package nl.actiegraaf.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.Test;

import nl.actiegraaf.testsupport.InMemoryStore;
import nl.actiegraaf.web.StoreClient;

/** Running a bound query in this JVM against the store's dataset: rows outlive the transaction, limits hold. */
class QueryRunnerTest {
    private static final DatasetGraph DATA = DatasetGraphFactory.createTxnMem();
    private static final StoreClient STORE = new StoreClient(new InMemoryStore(DATA), Duration.ofSeconds(10));

    static {
        Txn.executeWrite(DATA, () -> {
            for (int i = 0; i < 1500; i++) {
                DATA.add(NodeFactory.createURI("https://w3id.org/actiegraaf/id/graph"), NodeFactory.createURI("urn:s" + i),
                        NodeFactory.createURI("urn:p"), NodeFactory.createLiteralString("waarde " + i));
            }
        });
    }

    /** 1,500 x 1,500 rows to count: far more than a few milliseconds of work. */
    private static final Query SLOW = QueryFactory.create(
            "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?a ?p ?o } GRAPH ?h { ?b ?q ?r } }");

    @Test
    void rowsAreReadableAfterTheReadTransactionEnded() {
        QueryRunner runner = new QueryRunner(STORE, Duration.ofSeconds(10));
        QueryRunner.Rows rows = runner.run(QueryFactory.create(
                "SELECT ?o { GRAPH ?g { <urn:s7> ?p ?o } }"));
        assertEquals(java.util.List.of("o"), rows.vars());
        assertEquals("waarde 7", rows.rows().get(0).get(Var.alloc("o")).getLiteralLexicalForm());
    }

    @Test
    void aRequestIsHeldToTheRequestLimit() {
        QueryRunner runner = new QueryRunner(STORE, Duration.ofMillis(20));
        ApiException e = assertThrows(ApiException.class, () -> runner.run(SLOW));
        assertEquals(503, e.status());
        assertTrue(e.getMessage().startsWith("the query took longer than"), e.getMessage());
    }

    @Test
    void theWarmUpMayTakeLongerThanARequest() {
        QueryRunner runner = new QueryRunner(STORE, Duration.ofMillis(20));
        QueryRunner.Rows rows = runner.run(SLOW, Duration.ofMinutes(1));
        assertEquals(1500L * 1500L, ((Number) rows.rows().get(0).get(Var.alloc("n")).getLiteralValue()).longValue());
    }
}
