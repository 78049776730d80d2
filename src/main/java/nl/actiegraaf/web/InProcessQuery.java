package nl.actiegraaf.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nl.actiegraaf.querylimits.QueryBudget;
import nl.actiegraaf.querylimits.QueryLimitException;
import nl.actiegraaf.querylimits.QueryLimits;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.query.QueryException;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetDescription;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DynamicDatasets;
import org.apache.jena.sparql.exec.QueryExec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a checked query inside this JVM, against the embedded store's dataset, when the store is the
 * embedded one: the same dataset Fuseki would run it on, with Fuseki's dataset rules (protocol graph
 * parameters, else the query's FROM, over the union default graph) and Fuseki's formats
 * ({@link ResultFormat}). Skips the HTTP round-trip to Fuseki and its second parse of the query (the
 * profile's largest costs of {@code /sparql}). Read-only by construction: a read transaction and a query
 * the {@link QueryGuard} let through. Results stream to the client; the first bytes are held back
 * ({@link HeldBackOutput}) so that the time limit before them is a clean 504, after them a cut connection.
 */
final class InProcessQuery {
    private static final Logger LOG = LoggerFactory.getLogger(InProcessQuery.class);
    /** As much as a store's response buffer holds before the first bytes go out. */
    private static final int HOLD_BACK = 32 * 1024;

    private final DatasetGraph dataset;

    InProcessQuery(DatasetGraph dataset) {
        this.dataset = dataset;
    }

    /** Runs {@code query} (checked and capped) within {@code limit} and writes the answer to {@code ctx}. */
    void answer(Context ctx, Query query, List<String> defaultGraphs, List<String> namedGraphs, Duration limit) {
        ResultFormat format = query.isSelectType() ? ResultFormat.forResults(ctx, false)
                : query.isAskType() ? ResultFormat.forResults(ctx, true)
                : query.isJsonType() ? null
                : ResultFormat.forGraph(ctx);
        HeldBackOutput out = new HeldBackOutput(ctx::outputStream, HOLD_BACK);
        dataset.begin(TxnType.READ); // before the dataset view below: building it reads the named graphs
        try {
            Query toRun = withoutDatasetClauses(query);
            DatasetGraph target = datasetFor(query, defaultGraphs, namedGraphs);
            try (QueryBudget budget = QueryBudget.open();
                 QueryExec exec = QueryExec.dataset(target).query(toRun).set(QueryBudget.SYMBOL, budget).set(QueryLimits.TIME_LIMIT, limit)
                         .timeout(limit.toMillis(), TimeUnit.MILLISECONDS).build()) {
                ctx.status(200);
                ctx.contentType(format == null ? "application/json; charset=utf-8" : format.contentType());
                // Writing counts in the limit too: a CONSTRUCT graph is built first and written after.
                AnswerWriter.write(exec, toRun, format, DeadlineOutput.of(out, limit));
                out.finish();
            }
        } catch (QueryCancelledException e) {
            failed(ctx, out, UpstreamRelay.timedOut(limit), "time limit exceeded");
        } catch (QueryLimitException e) {
            failed(ctx, out, new HttpResponseException(e.status(), e.getMessage()), e.getMessage());
        } catch (HttpResponseException e) {
            throw e;
        } catch (RuntimeException | IOException e) {
            if (out.clientFailure() != null) {
                // The client went away: nothing to tell it. Ending the execution frees the store.
                LOG.debug("{} {}: client left: {}", ctx.method(), ctx.path(), out.clientFailure().toString());
                return;
            }
            int status = e instanceof QueryException ? 400 : 500;
            failed(ctx, out, new HttpResponseException(status, "Query failed: " + HttpPolicy.oneLine(String.valueOf(e.getMessage()))),
                    e.toString());
        } finally {
            dataset.end();
        }
    }

    /**
     * Fuseki's dataset rules: the protocol's graph parameters, else the query's own FROM / FROM NAMED, pick
     * graphs of the store (never fetched from elsewhere); without either, the store's dataset (union default graph).
     */
    private DatasetGraph datasetFor(Query query, List<String> defaultGraphs, List<String> namedGraphs) {
        DatasetDescription description = defaultGraphs.isEmpty() && namedGraphs.isEmpty()
                ? query.getDatasetDescription() : new DatasetDescription(defaultGraphs, namedGraphs);
        return description == null ? dataset : DynamicDatasets.dynamicDataset(description, dataset, false);
    }

    /** The dataset view above applies the FROM clauses (or the protocol's graphs that replace them): they must not apply again. */
    private static Query withoutDatasetClauses(Query query) {
        if (!query.hasDatasetDescription()) {
            return query;
        }
        Query copy = query.cloneQuery();
        copy.getGraphURIs().clear();
        copy.getNamedGraphURIs().clear();
        return copy;
    }

    /** Before the first byte: a clean error status. After it: a broken connection, never a silently short answer. */
    private static void failed(Context ctx, HeldBackOutput out, HttpResponseException error, String reason) {
        if (!out.started()) {
            throw error;
        }
        LOG.info("{} {}: response aborted mid-stream: {}", ctx.method(), ctx.path(), reason);
        ClientConnection.abort(ctx, new IOException(reason));
    }
}
