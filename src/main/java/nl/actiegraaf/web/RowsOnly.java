package nl.actiegraaf.web;

import java.util.Iterator;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.sparql.util.Context;

/**
 * A SELECT execution whose rows were already made elsewhere: a remote store's answer, read by Jena's reader as
 * it arrives ({@link RelayedAnswer}), so that {@link AnswerWriter} cuts and writes it exactly as it writes rows
 * of its own. Only {@link #select()} has an answer; closing or aborting it is the store request's business
 * ({@link StoreClient#relay}).
 */
final class RowsOnly implements QueryExec {
    private final Query query;
    private final RowSet rows;
    private boolean closed;

    RowsOnly(Query query, RowSet rows) {
        this.query = query;
        this.rows = rows;
    }

    @Override
    public RowSet select() {
        return rows;
    }

    @Override
    public Query getQuery() {
        return query;
    }

    @Override
    public String getQueryString() {
        return query.toString();
    }

    @Override
    public Context getContext() {
        return Context.emptyContext();
    }

    @Override
    public DatasetGraph getDataset() {
        return null;
    }

    @Override
    public void abort() {
        closed = true;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private static UnsupportedOperationException onlyRows() {
        return new UnsupportedOperationException("an answer read from a store's rows has only rows");
    }

    @Override
    public Graph construct(Graph graph) {
        throw onlyRows();
    }

    @Override
    public Iterator<Triple> constructTriples() {
        throw onlyRows();
    }

    @Override
    public Iterator<Quad> constructQuads() {
        throw onlyRows();
    }

    @Override
    public DatasetGraph constructDataset(DatasetGraph dataset) {
        throw onlyRows();
    }

    @Override
    public Graph describe(Graph graph) {
        throw onlyRows();
    }

    @Override
    public Iterator<Triple> describeTriples() {
        throw onlyRows();
    }

    @Override
    public boolean ask() {
        throw onlyRows();
    }

    @Override
    public JsonArray execJson() {
        throw onlyRows();
    }

    @Override
    public Iterator<JsonObject> execJsonItems() {
        throw onlyRows();
    }
}
