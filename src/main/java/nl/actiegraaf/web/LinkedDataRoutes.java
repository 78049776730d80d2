package nl.actiegraaf.web;

import nl.actiegraaf.vocab.Prefixes;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.query.Query;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.rdf.model.Model;

/**
 * Dereferenceable IRIs: {@code https://w3id.org/actiegraaf/id/actie/12} is served at
 * {@code /id/actie/12}, and the ontology {@code https://w3id.org/actiegraaf/def} at {@code /def},
 * as Turtle, JSON-LD, RDF/XML, N-Triples or HTML, by content negotiation.
 */
public final class LinkedDataRoutes {

    /** The old action path, {@code /id/actie/{n}}, from before actions belonged to a series. */
    private static final Pattern ACTION_BEFORE_SERIES = Pattern.compile("/id/actie/(\\d{1,9})");

    private final StoreClient store;
    private final Ontology ontology;
    private final QueryAdmission admission;
    /** What a resource is: {@code sparql/resource.rq}. */
    private final Query description = SparqlFiles.read("resource");
    /** The actions of one number: {@code sparql/actions-with-number.rq}. */
    private final Query actionsWithNumber = SparqlFiles.read("actions-with-number");

    private final Shapes shapes;

    private LinkedDataRoutes(StoreClient store, Ontology ontology, Shapes shapes, QueryAdmission admission) {
        this.store = store;
        this.ontology = ontology;
        this.shapes = shapes;
        this.admission = admission;
    }

    public static void register(JavalinConfig config, WebContext context) {
        LinkedDataRoutes routes = new LinkedDataRoutes(context.store(),
                new Ontology(context.config().ontologyFile(), context.store()),
                new Shapes(context.config().ontologyFile()), context.admission());
        config.routes.get("/id/<path>", routes::resource);
        config.routes.get("/def", routes::ontology);
        config.routes.get("/def/shapes", routes::shapes);
    }

    private void resource(Context ctx) {
        Node iri = resourceIri(ctx);
        RdfNegotiation.Choice choice = RdfNegotiation.choose(ctx);
        // The IRI goes into the query as a node of the syntax tree, never as pasted text.
        Query query = SparqlFiles.bind(this.description, Map.of("this", iri));
        Model description;
        String extra = "";
        // Each page is a store query: it takes a place in the fair share like /sparql does, so no
        // client can crowd others out by requesting pages.
        try (QueryAdmission.Ticket ticket = admission.admit(ctx)) {
            description = ModelFactory.createModelForGraph(read(query));
            if (choice == RdfNegotiation.Choice.HTML && MotionVoteSection.applies(description, iri)) {
                extra = MotionVoteSection.html(ModelFactory.createModelForGraph(read(MotionVoteSection.query(iri))), iri);
            }
        }
        if (description.isEmpty()) {
            Matcher old = ACTION_BEFORE_SERIES.matcher(ctx.req().getRequestURI());
            if (old.matches() && redirectToSeries(ctx, choice, Integer.parseInt(old.group(1)))) {
                return;
            }
            throw new HttpResponseException(404, "Unknown resource: " + iri.getURI());
        }
        description.setNsPrefixes(Prefixes.ALL);
        String section = extra;
        send(ctx, choice, description,
                () -> ResourcePage.resource(description.createResource(iri.getURI()), description, ontology.model(), section));
    }

    /**
     * The IRI of an action before series existed, {@code id/actie/{n}}: a link out there may still use
     * it. 301 to the one action with that number, 300 with the choices when several series have one;
     * false (then 404) when none has.
     */
    private boolean redirectToSeries(Context ctx, RdfNegotiation.Choice choice, int number) {
        Query query = SparqlFiles.bind(actionsWithNumber,
                Map.of("nummer", NodeFactory.createLiteralDT(Integer.toString(number), XSDDatatype.XSDinteger)));
        List<String> actions = new ArrayList<>();
        try (QueryAdmission.Ticket ticket = admission.admit(ctx)) {
            store.read(query, exec -> {
                exec.select().forEachRemaining(row -> actions.add(row.get("actie").getURI()));
                return null;
            });
        } catch (StoreFailure e) {
            throw QueryAnswer.error(e);
        }
        List<String> paths = actions.stream().map(ResourcePage::localPath).filter(java.util.Objects::nonNull).toList();
        if (paths.isEmpty()) {
            return false;
        }
        paths.forEach(path -> ctx.res().addHeader("Link", "<" + path + ">; rel=\"alternate\""));
        if (paths.size() == 1) {
            ctx.status(301).header("Location", paths.get(0));
            return true;
        }
        ctx.status(300);
        if (choice == RdfNegotiation.Choice.HTML) {
            ctx.contentType("text/html; charset=utf-8").result(ResourcePage.choices(
                    "Actie " + number, "Meerdere reeksen hebben een actie " + number + ":", actions)
                    .getBytes(StandardCharsets.UTF_8));
        } else {
            ctx.contentType("text/uri-list; charset=utf-8").result(String.join("\r\n", actions) + "\r\n");
        }
        return true;
    }

    private void ontology(Context ctx) {
        RdfNegotiation.Choice choice = RdfNegotiation.choose(ctx);
        Model model = ontology.model();
        if (model.isEmpty()) {
            throw new HttpResponseException(404, "The ontology is not loaded");
        }
        model.setNsPrefixes(Prefixes.ALL);
        send(ctx, choice, model, () -> ResourcePage.ontology(model));
    }

    /** The SHACL shapes the ontology links to ({@code rdfs:seeAlso}), the same way as the ontology. */
    private void shapes(Context ctx) {
        RdfNegotiation.Choice choice = RdfNegotiation.choose(ctx);
        Model model = shapes.model();
        if (model.isEmpty()) {
            throw new HttpResponseException(404, "The shapes are not loaded");
        }
        send(ctx, choice, model, () -> ResourcePage.resource(model.getResource(Shapes.IRI), model, ontology.model(),
                shapes.section()));
    }

    /** The IRI this request names; 404 when the path cannot be one. */
    private static Node resourceIri(Context ctx) {
        String iri = ResourcePage.BASE + ctx.req().getRequestURI();
        try {
            IRIx parsed = IRIx.create(iri);
            if (!parsed.isAbsolute() || parsed.hasViolations()) {
                throw new IRIException("not a valid IRI");
            }
        } catch (IRIException e) {
            throw new HttpResponseException(404, "Not a resource IRI: " + iri);
        }
        return NodeFactory.createURI(iri);
    }

    /** A page's query; the store's failure as the protocol endpoint states it. */
    private Graph read(Query query) {
        try {
            return store.read(query, QueryExec::construct);
        } catch (StoreFailure e) {
            throw QueryAnswer.error(e);
        }
    }

    static void send(Context ctx, RdfNegotiation.Choice choice, Model model, Supplier<String> html) {
        if (choice == RdfNegotiation.Choice.HTML) {
            ctx.contentType("text/html; charset=utf-8").result(html.get().getBytes(StandardCharsets.UTF_8));
            return;
        }
        ctx.contentType(choice.mediaType + (choice == RdfNegotiation.Choice.RDFXML ? "" : "; charset=utf-8"));
        RdfWriting.write(ctx.outputStream(), model.getGraph(), choice.rdfFormat);
    }
}
