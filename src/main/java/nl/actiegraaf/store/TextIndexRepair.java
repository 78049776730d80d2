package nl.actiegraaf.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Lucene index consistent with TDB2 across a crash. jena-text commits the index right AFTER
 * the TDB2 commit; a process killed between the two (kill -9, power loss) would leave TDB2 with the
 * new data and the index with the old. So every commit of a load is bracketed by a marker file in
 * the data directory; finding the marker at open means a process died while committing, and the
 * index is rebuilt from what TDB2 holds (small data: a second or two). Aborted transactions, and
 * processes killed before the commit, need no repair: the index rolls back with TDB2.
 */
final class TextIndexRepair {
    private static final Logger LOG = LoggerFactory.getLogger(TextIndexRepair.class);
    static final String MARKER = "commit-in-progress";

    private final Path marker;

    TextIndexRepair(Path dataDir) {
        this.marker = dataDir.resolve(MARKER);
    }

    /**
     * Runs a commit with the marker set. Only a process that dies inside the commit leaves the marker
     * behind; before the commit nothing of the load is durable, in TDB2 or in the index.
     */
    void duringCommit(Runnable commit) {
        try {
            Files.writeString(marker, Instant.now().toString());
        } catch (IOException e) {
            throw new LoadException(marker + ": cannot write the commit marker: " + e.getMessage(), e);
        }
        commit.run();
        clear();
    }

    /** Called with no load running: rebuilds the index when the last load did not finish. */
    void repairIfInterrupted(DatasetGraph dataset) {
        if (!Files.exists(marker)) {
            return;
        }
        if (dataset instanceof DatasetGraphText text && text.getTextIndex() instanceof TextIndexLucene lucene) {
            LOG.warn("The last load was interrupted while committing; rebuilding the text index from TDB2");
            rebuild(text.getWrapped(), lucene);
        }
        clear();
    }

    static long rebuild(DatasetGraph tdb, TextIndexLucene index) {
        long[] count = {0};
        Txn.executeRead(tdb, () -> {
            try {
                index.getIndexWriter().deleteAll();
            } catch (IOException e) {
                throw new LoadException("text index: cannot clear for rebuild: " + e.getMessage(), e);
            }
            tdb.find().forEachRemaining(quad -> {
                Entity entity = TextQueryFuncs.entityFromQuad(index.getDocDef(), quad);
                if (entity != null) {
                    index.addEntity(entity);
                    count[0]++;
                }
            });
            index.commit();
        });
        return count[0];
    }

    private void clear() {
        try {
            Files.deleteIfExists(marker);
        } catch (IOException e) {
            LOG.warn("Could not remove {}: {}", marker, e.getMessage());
        }
    }
}
