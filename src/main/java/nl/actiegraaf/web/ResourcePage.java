package nl.actiegraaf.web;

import nl.actiegraaf.vocab.Iris;

import nl.actiegraaf.vocab.Prefixes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;

/**
 * The HTML view of a resource (or of the ontology) for people, in Dutch or English. An action reads like
 * an item page: description and status first, theme path, motions carried out, bodies, deadlines with
 * their dates, commitments with who made them, each fact with the sentence it was read from (inline,
 * expandable), then everything else and what links here, grouped by property with a readable direction.
 * A motion lists the actions carrying out any of its parts; a person the motions they submitted and the
 * actions carrying those out. Links between our pages keep the reader's language. Every value from the
 * data is escaped; Dutch data on the English page is marked {@code lang="nl"}.
 */
final class ResourcePage {
    /** Our IRIs start with this; on this server they live at the path that follows. */
    static final String BASE = Iris.ROOT;
    private static final String AG = nl.actiegraaf.vocab.AG.NS;
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*[-•–]\\s+");

    /** The page's language, and whether its links carry {@code ?lang=} (the reader chose it by parameter). */
    record View(String lang, boolean keepLanguage) {
        static final View DUTCH = new View("nl", false);

        /** A path on this server, in this view's language. */
        String href(String path) {
            if (!keepLanguage) {
                return path;
            }
            int hash = path.indexOf('#');
            String base = hash < 0 ? path : path.substring(0, hash);
            String fragment = hash < 0 ? "" : path.substring(hash);
            return base + (base.contains("?") ? "&" : "?") + "lang=" + lang + fragment;
        }
    }

    private ResourcePage() {
    }

    /** The page of one resource, from the description the store gave of it. */
    static String resource(Resource subject, Model description, Model ontology) {
        return resource(subject, description, ontology, "", View.DUTCH);
    }

    /** The same with a section of HTML of a caller's own after the facts (a motion's vote). */
    static String resource(Resource subject, Model description, Model ontology, String section) {
        return resource(subject, description, ontology, section, View.DUTCH);
    }

    static String resource(Resource subject, Model description, Model ontology, String section, View view) {
        return new Writer(description, ontology, view).resource(subject.inModel(description), section);
    }

    /** The ontology as one page: a table of contents, then classes, properties and individuals, a section per term. */
    static String ontology(Model ontology) {
        return ontology(ontology, View.DUTCH);
    }

    static String ontology(Model ontology, View view) {
        return new Writer(ontology, ontology, view).ontology();
    }

    /** A page that lists resources to choose from (an answer 300 Multiple Choices). */
    static String choices(String title, String intro, List<String> iris) {
        StringBuilder html = new StringBuilder();
        html.append("<p>").append(Html.escape(intro)).append("</p>\n<ul>\n");
        for (String iri : iris) {
            String path = localPath(iri);
            html.append("<li><a href=\"").append(Html.escape(path == null ? iri : path)).append("\">")
                    .append(Html.escape(iri)).append("</a></li>\n");
        }
        html.append("</ul>\n");
        Writer writer = new Writer(null, null, View.DUTCH);
        StringBuilder page = writer.start(title, "").append("<h1>").append(Html.escape(title)).append("</h1>\n").append(html);
        return page.append("</main>\n").append(nl.actiegraaf.web.page.PageChrome.footer("nl", false)).append("</body>\n</html>\n").toString();
    }

    // The page's look (web.page.PageChrome), reached from this class only (the one known way up from web).
    static String chromeHead() {
        return nl.actiegraaf.web.page.PageChrome.HEAD;
    }

    static String chromeHeader(View view, String switchHref) {
        return nl.actiegraaf.web.page.PageChrome.header(view.lang(), view.keepLanguage(), switchHref);
    }

    private static String chromeFooter(View view) {
        return nl.actiegraaf.web.page.PageChrome.footer(view.lang(), view.keepLanguage());
    }

    /** The not-found page's search form and ways on, for the shared error page ({@link ErrorPage}). */
    static String notFoundOffer(String lang) {
        return nl.actiegraaf.web.page.PageChrome.notFoundBody(lang);
    }

    /** The reader's language for a request to a resource page ({@code ?lang=}, cookie, Accept-Language). */
    static View view(io.javalin.http.Context ctx) {
        String lang = nl.actiegraaf.web.page.PageChrome.language(ctx);
        return new View(lang, ctx.queryParam("lang") != null);
    }

    /** The page for an address with nothing at it, in {@code lang}: see {@code web.page.PageChrome#notFound}. */
    static String notFound(String lang, String path) {
        return nl.actiegraaf.web.page.PageChrome.notFound(lang, path);
    }

    /** {@code https://w3id.org/actiegraaf/id/actie/pok/12} -> {@code /id/actie/pok/12}; null when not ours. */
    static String localPath(String iri) {
        if (iri.startsWith(BASE + "/")) {
            return iri.substring(BASE.length());
        }
        return null;
    }

    private static Property ag(String local) {
        return ResourceFactory.createProperty(AG + local);
    }

    /** Writes one page: the models it reads and the view it writes for. */
    private static final class Writer {
        private final Model data;
        private final Model ontology;
        private final View view;
        private final ResourceTexts texts;

        Writer(Model data, Model ontology, View view) {
            this.data = data;
            this.ontology = ontology;
            this.view = view;
            this.texts = ResourceTexts.of(view.lang());
        }

        String resource(Resource s, String section) {
            Labels.Text title = label(s);
            StringBuilder html = start(title.value(), s.getURI());
            html.append("<h1").append(langAttr(title)).append(">").append(Html.escape(title.value())).append("</h1>\n");
            boolean action = s.hasProperty(RDF.type, data.createResource(AG + "Actie"));
            boolean motion = s.hasProperty(RDF.type, data.createResource(AG + "Motie"));
            Set<Property> shown = new LinkedHashSet<>();
            if (action) {
                html.append(actionHead(s));
            }
            html.append("<p class=\"muted\"><code>").append(Html.escape(s.getURI())).append("</code></p>\n");
            if (action) {
                html.append(actionBody(s, shown));
            }
            if (motion) {
                html.append(motionBody(s, shown));
            }
            html.append(submittedMotions(s));
            if (action) {
                html.append(history(s.getURI()));
            }
            html.append(section);
            html.append("<section id=\"gegevens\"><h2>").append(Html.escape(texts.get(action || motion ? "overig" : "feiten")))
                    .append("</h2>\n").append(propertyTable(s, shown)).append("</section>\n");
            html.append(linksHere(s));
            return end(html);
        }

        // --- actions ---------------------------------------------------------------------------------

        /** Status badge and theme path, right under the title. */
        private String actionHead(Resource s) {
            StringBuilder html = new StringBuilder("<p class=\"kop\">");
            Statement status = s.getProperty(ag("status"));
            if (status != null && status.getObject().isURIResource()) {
                html.append(badge(status.getResource())).append(' ');
            }
            Resource theme = s.getPropertyResourceValue(ag("thema"));
            if (theme != null) {
                List<Resource> path = new ArrayList<>();
                for (Resource t = theme; t != null && !path.contains(t) && path.size() < 10; t = t.getPropertyResourceValue(SKOS.broader)) {
                    path.add(0, t);
                }
                html.append("<span class=\"themapad\">").append(Html.escape(texts.get("thema"))).append(": ");
                for (int i = 0; i < path.size(); i++) {
                    html.append(i == 0 ? "" : " › ").append(link(path.get(i)));
                }
                html.append("</span>");
            }
            return html.append("</p>\n").toString();
        }

        private String badge(Resource status) {
            Labels.Text label = label(status);
            return "<span class=\"status status-" + Html.escape(status.getLocalName()) + "\"" + langAttr(label) + ">"
                    + Html.escape(label.value()) + "</span>";
        }

        private String actionBody(Resource s, Set<Property> shown) {
            StringBuilder html = new StringBuilder();
            Property description = ag("omschrijving");
            Property progress = ag("standVanZaken");
            shown.addAll(List.of(description, RDFS.label, ag("status"), ag("vermelding"), ag("uitvoering")));
            for (Statement st : s.listProperties(description).toList()) {
                html.append("<section id=\"omschrijving\"><h2>").append(propertyLink(description)).append("</h2>\n")
                        .append(prose(st.getObject())).append("</section>\n");
            }
            html.append("<section id=\"feiten\"><h2>").append(Html.escape(texts.get("feiten"))).append("</h2>\n<table class=\"feiten\">\n");
            for (String local : List.of("thema", "geeftUitvoeringAan", "verantwoordelijke", "betrokkene", "toezegging",
                    "gebeurtenis", "noemt", "verwijstNaar")) {
                Property p = ag(local);
                List<RDFNode> values = sorted(s.listProperties(p).mapWith(Statement::getObject).toList());
                if (values.isEmpty()) {
                    continue;
                }
                shown.add(p);
                html.append("<tr><th scope=\"row\">").append(propertyLink(p)).append("</th><td><ul class=\"waarden\">");
                for (RDFNode value : values) {
                    html.append("<li>").append(fact(s, p, value)).append("</li>");
                }
                html.append("</ul></td></tr>\n");
            }
            html.append("</table>\n");
            List<RDFNode> deadlines = s.listProperties(ag("deadline")).mapWith(Statement::getObject).toList();
            if (!deadlines.isEmpty()) {
                shown.add(ag("deadline"));
                html.append(deadlineTable(s, deadlines));
            }
            html.append("</section>\n");
            for (Statement st : s.listProperties(progress).toList()) {
                shown.add(progress);
                html.append("<section id=\"standVanZaken\"><h2>").append(propertyLink(progress)).append("</h2>\n")
                        .append(prose(st.getObject())).append("</section>\n");
            }
            html.append(mentions(s));
            return html.toString();
        }

        /** One fact of an action: its value, what it says more (a motion's part, a commitment's maker and date), its sources. */
        private String fact(Resource action, Property p, RDFNode value) {
            StringBuilder html = new StringBuilder();
            if (!value.isResource()) {
                return value(value);
            }
            Resource o = value.asResource();
            String local = p.getLocalName();
            if (local.equals("toezegging") || local.equals("gebeurtenis")) {
                Statement text = o.getProperty(ag("tekst"));
                html.append(text != null ? "<q" + langAttr(text.getLiteral()) + ">" + Html.escape(text.getString()) + "</q>" : link(o));
                Resource by = o.getPropertyResourceValue(ag("toegezegdDoor"));
                if (by != null) {
                    html.append(" — ").append(Html.escape(texts.get("door"))).append(' ').append(link(by));
                }
                Statement date = o.getProperty(ag("datum"));
                if (date != null) {
                    html.append(" · ").append(time(date.getLiteral()));
                }
                Resource deadline = o.getPropertyResourceValue(ag("deadline"));
                if (deadline != null && deadline.getProperty(ag("datum")) != null) {
                    html.append(" · ").append(Html.escape(texts.get("uiterlijk"))).append(' ')
                            .append(time(deadline.getProperty(ag("datum")).getLiteral()));
                }
                html.append(" <a class=\"iri\" href=\"").append(Html.escape(href(o.getURI()))).append("\" title=\"")
                        .append(Html.escape(o.getURI())).append("\">#</a>");
                return html.toString();
            }
            html.append(link(o));
            Resource whole = o.getPropertyResourceValue(ag("deelVan"));
            if (local.equals("geeftUitvoeringAan") && whole != null) {
                html.append(" (").append(link(whole)).append(")");
            }
            if (local.equals("geeftUitvoeringAan")) {
                for (Resource carrying : action.listProperties(ag("uitvoering")).mapWith(st -> st.getObject().asResource()).toList()) {
                    if (carrying.hasProperty(ag("uitgevoerdeMotie"), o) && carrying.getPropertyResourceValue(ag("status")) != null) {
                        html.append(' ').append(badge(carrying.getPropertyResourceValue(ag("status"))));
                    }
                }
            }
            html.append(sources(action, p, o));
            return html.toString();
        }

        /** The sentences the report states {@code action p o} in, as an expandable quote. */
        private String sources(Resource action, Property p, Resource o) {
            Set<String> quotes = new LinkedHashSet<>();
            for (Resource mention : action.listProperties(ag("vermelding")).mapWith(st -> st.getObject().asResource()).toList()) {
                if (!mention.hasProperty(ag("vermeldt"), o)) {
                    continue;
                }
                Resource relation = mention.getPropertyResourceValue(ag("relatie"));
                if (relation != null && !relation.equals(p) && !(p.getLocalName().equals("deadline") && relation.getLocalName().equals("deadline"))) {
                    continue;
                }
                Statement words = mention.getProperty(ag("tekst"));
                if (words == null) {
                    continue;
                }
                Statement column = mention.getProperty(ag("kolom"));
                String text = null;
                if (column != null) {
                    Statement columnText = action.getProperty(ag(column.getString()));
                    text = columnText == null ? null : columnText.getString();
                }
                quotes.add(Sentences.around(text, words.getString()));
            }
            if (quotes.isEmpty()) {
                return "";
            }
            StringBuilder html = new StringBuilder(" <details class=\"bron\"><summary>")
                    .append(Html.escape(texts.get(quotes.size() == 1 ? "bron" : "bronnen"))).append("</summary>");
            for (String quote : quotes) {
                html.append("<blockquote lang=\"nl\">").append(quote).append("</blockquote>");
            }
            return html.append("</details>").toString();
        }

        /** Deadlines: the words of the text, the date they resolve to, met or doubted, and the sentence. */
        private String deadlineTable(Resource action, List<RDFNode> deadlines) {
            List<Resource> rows = new ArrayList<>(deadlines.stream().filter(RDFNode::isResource).map(RDFNode::asResource).toList());
            rows.sort(Comparator.comparing((Resource d) -> d.getProperty(ag("datum")) == null ? "9999" : d.getProperty(ag("datum")).getString())
                    .thenComparing(Resource::getURI));
            StringBuilder html = new StringBuilder("<h3 id=\"deadlines\">").append(propertyLink(ag("deadline"))).append("</h3>\n")
                    .append("<table class=\"deadlines\">\n<thead><tr><th scope=\"col\">").append(Html.escape(texts.get("deadlineTekst")))
                    .append("</th><th scope=\"col\">").append(Html.escape(texts.get("deadlineDatum")))
                    .append("</th><th scope=\"col\">").append(Html.escape(texts.get("deadlineStaat")))
                    .append("</th><th scope=\"col\">").append(Html.escape(texts.get("bron"))).append("</th></tr></thead>\n<tbody>\n");
            for (Resource d : rows) {
                Statement words = d.getProperty(ag("tekst"));
                Statement date = d.getProperty(ag("datum"));
                html.append("<tr data-deadline=\"").append(Html.escape(d.getURI())).append("\"><td>")
                        .append(words == null ? link(d) : "<a href=\"" + Html.escape(href(d.getURI())) + "\"" + langAttr(words.getLiteral()) + ">"
                                + Html.escape(words.getString()) + "</a>")
                        .append("</td><td>").append(date == null ? "" : time(date.getLiteral())).append("</td><td>");
                List<String> state = new ArrayList<>();
                Statement met = d.getProperty(ag("gehaaldOp"));
                if (met != null) {
                    state.add(String.format(Html.escape(texts.get("gehaaldOp")), time(met.getLiteral())));
                }
                if (d.hasLiteral(ag("betwijfeld"), true)) {
                    state.add(Html.escape(texts.get("betwijfeld")));
                }
                Statement from = d.getProperty(ag("vanaf"));
                if (from != null) {
                    state.add(String.format(Html.escape(texts.get("vanaf")), time(from.getLiteral())));
                }
                html.append(String.join("; ", state)).append("</td><td>");
                String source = sources(action, ag("deadline"), d);
                html.append(source.isEmpty() ? "" : source.substring(1)).append("</td></tr>\n");
            }
            return html.append("</tbody>\n</table>\n").toString();
        }

        /** Every mention of the action, collapsed: the sentence and what it was read as. */
        private String mentions(Resource action) {
            List<Resource> mentions = new ArrayList<>(action.listProperties(ag("vermelding")).mapWith(st -> st.getObject().asResource()).toList());
            if (mentions.isEmpty()) {
                return "";
            }
            mentions.sort(Comparator.comparing(m -> naturalKey(m.getURI())));
            StringBuilder html = new StringBuilder("<details id=\"vermeldingen\"><summary>")
                    .append(Html.escape(String.format(texts.get("vermeldingen"), mentions.size()))).append("</summary>\n<ol>\n");
            for (Resource m : mentions) {
                Resource relation = m.getPropertyResourceValue(ag("relatie"));
                Resource object = m.getPropertyResourceValue(ag("vermeldt"));
                Statement words = m.getProperty(ag("tekst"));
                html.append("<li>").append(relation == null ? "" : propertyLink(relation.as(Property.class)) + ": ")
                        .append(object == null ? "" : link(object)).append(words == null ? "" : " — <q lang=\"nl\">"
                                + Html.escape(words.getString()) + "</q>")
                        .append(" <a class=\"iri\" href=\"").append(Html.escape(href(m.getURI()))).append("\" title=\"")
                        .append(Html.escape(m.getURI())).append("\">#</a></li>\n");
            }
            return html.append("</ol>\n</details>\n").toString();
        }

        /** Paragraphs and lists of the report's text kept: a blank line ends a paragraph, "- " starts an item. */
        private String prose(RDFNode node) {
            if (!node.isLiteral()) {
                return "<p>" + value(node) + "</p>\n";
            }
            Literal literal = node.asLiteral();
            StringBuilder html = new StringBuilder("<div class=\"tekst\"").append(langAttr(literal)).append(">\n");
            for (String paragraph : literal.getLexicalForm().strip().split("\\n\\s*\\n")) {
                String[] lines = paragraph.strip().split("\\n");
                if (LIST_ITEM.matcher(lines[0]).find()) {
                    html.append("<ul>");
                    for (String line : lines) {
                        html.append("<li>").append(Html.escape(LIST_ITEM.matcher(line).replaceFirst("").strip())).append("</li>");
                    }
                    html.append("</ul>\n");
                } else if (!paragraph.isBlank()) {
                    html.append("<p>").append(Html.escape(paragraph.strip()).replace("\n", "<br>")).append("</p>\n");
                }
            }
            return html.append("</div>\n").toString();
        }

        // --- motions and persons -----------------------------------------------------------------------

        /** The actions carrying out any part of the motion, its parts, its submitters, its publication. */
        private String motionBody(Resource motion, Set<Property> shown) {
            StringBuilder html = new StringBuilder();
            List<Resource> publications = motion.listProperties(RDFS.seeAlso).mapWith(Statement::getObject)
                    .filterKeep(RDFNode::isURIResource).mapWith(RDFNode::asResource).toList();
            if (!publications.isEmpty()) {
                shown.add(RDFS.seeAlso);
                html.append("<p class=\"publicatie\">").append(Html.escape(texts.get("publicatie"))).append(": ");
                for (Resource p : publications) {
                    html.append("<a href=\"").append(Html.escape(p.getURI())).append("\">").append(Html.escape(p.getURI())).append("</a> ");
                }
                html.append("</p>\n");
            }
            List<Resource> parts = new ArrayList<>(data.listSubjectsWithProperty(ag("deelVan"), motion).toList());
            parts.sort(Comparator.comparing(r -> naturalKey(r.getURI())));
            List<Resource> targets = new ArrayList<>(parts);
            targets.add(0, motion);
            html.append("<section id=\"uitvoering\"><h2>").append(Html.escape(texts.get("uitgevoerdDoor"))).append("</h2>\n");
            List<String[]> rows = new ArrayList<>();
            for (Resource target : targets) {
                for (Resource action : data.listSubjectsWithProperty(ag("geeftUitvoeringAan"), target).toList()) {
                    rows.add(new String[] {naturalKey(action.getURI()), actionCells(action) + "<td>" + (target.equals(motion) ? "" : link(target)) + "</td>"});
                }
            }
            if (rows.isEmpty()) {
                html.append("<p>").append(Html.escape(texts.get("geenActies"))).append("</p>\n");
            } else {
                rows.sort(Comparator.comparing(r -> r[0]));
                html.append("<table class=\"acties\">\n<thead><tr><th scope=\"col\">").append(Html.escape(texts.get("actie")))
                        .append("</th><th scope=\"col\">").append(Html.escape(texts.get("status")))
                        .append("</th><th scope=\"col\">").append(Html.escape(texts.get("omschrijving")))
                        .append("</th><th scope=\"col\">").append(Html.escape(texts.get("onderdeel"))).append("</th></tr></thead>\n<tbody>\n");
                rows.forEach(r -> html.append("<tr>").append(r[1]).append("</tr>\n"));
                html.append("</tbody>\n</table>\n");
            }
            html.append("</section>\n");
            if (!parts.isEmpty()) {
                html.append("<section id=\"onderdelen\"><h2>").append(Html.escape(texts.get("onderdelen"))).append("</h2>\n<ul>\n");
                for (Resource part : parts) {
                    html.append("<li>").append(link(part)).append("</li>\n");
                }
                html.append("</ul>\n</section>\n");
            }
            List<Resource> submitters = motion.listProperties(ag("indiener")).mapWith(Statement::getObject)
                    .filterKeep(RDFNode::isURIResource).mapWith(RDFNode::asResource).toList();
            if (!submitters.isEmpty()) {
                shown.add(ag("indiener"));
                html.append("<section id=\"indieners\"><h2>").append(Html.escape(texts.get("indieners"))).append("</h2>\n<ul>\n");
                for (Resource person : sortedResources(submitters)) {
                    html.append("<li>").append(link(person)).append(party(person)).append("</li>\n");
                }
                html.append("</ul>\n</section>\n");
            }
            return html.toString();
        }

        /** A person's party as the register states it (org:Membership), when it does. */
        private String party(Resource person) {
            Property member = ResourceFactory.createProperty("http://www.w3.org/ns/org#member");
            Property organisation = ResourceFactory.createProperty("http://www.w3.org/ns/org#organization");
            Set<String> parties = new LinkedHashSet<>();
            for (Resource membership : data.listSubjectsWithProperty(member, person).toList()) {
                Resource party = membership.getPropertyResourceValue(organisation);
                if (party != null) {
                    Statement abbreviation = party.getProperty(SKOS.altLabel);
                    parties.add(abbreviation != null ? "<a href=\"" + Html.escape(href(party.getURI())) + "\">"
                            + Html.escape(abbreviation.getString()) + "</a>" : link(party));
                }
            }
            return parties.isEmpty() ? "" : " (" + String.join(", ", parties) + ")";
        }

        /** On a person's page: the motions they submitted, each with the actions carrying it out. */
        private String submittedMotions(Resource person) {
            // whole motions: a part (ag:deelVan) is listed under its motion
            List<Resource> motions = data.listSubjectsWithProperty(ag("indiener"), person)
                    .filterDrop(m -> m.listProperties(ag("deelVan")).toList().stream().anyMatch(st -> !st.getObject().equals(m))).toList();
            if (motions.isEmpty()) {
                return "";
            }
            StringBuilder html = new StringBuilder("<section id=\"moties\"><h2>").append(Html.escape(texts.get("moties"))).append("</h2>\n<ul>\n");
            for (Resource motion : sortedResources(motions)) {
                html.append("<li>").append(link(motion));
                Set<Resource> actions = new LinkedHashSet<>(data.listSubjectsWithProperty(ag("geeftUitvoeringAan"), motion).toList());
                for (Resource part : data.listSubjectsWithProperty(ag("deelVan"), motion).toList()) {
                    actions.addAll(data.listSubjectsWithProperty(ag("geeftUitvoeringAan"), part).toList());
                }
                if (actions.isEmpty()) {
                    html.append(" — ").append(Html.escape(texts.get("geenActies")));
                } else {
                    html.append("\n<table class=\"acties\"><caption>").append(Html.escape(texts.get("uitgevoerdDoor")))
                            .append("</caption><thead><tr><th scope=\"col\">").append(Html.escape(texts.get("actie")))
                            .append("</th><th scope=\"col\">").append(Html.escape(texts.get("status")))
                            .append("</th><th scope=\"col\">").append(Html.escape(texts.get("omschrijving"))).append("</th></tr></thead><tbody>\n");
                    actions.stream().sorted(Comparator.comparing(a -> naturalKey(a.getURI())))
                            .forEach(a -> html.append("<tr>").append(actionCells(a)).append("</tr>\n"));
                    html.append("</tbody></table>");
                }
                html.append("</li>\n");
            }
            return html.append("</ul>\n</section>\n").toString();
        }

        /** An action as table cells: number (link), status badge, short description. */
        private String actionCells(Resource action) {
            Resource status = action.getPropertyResourceValue(ag("status"));
            return "<td>" + link(action) + "</td><td>" + (status == null ? "" : badge(status)) + "</td><td" + langAttr("nl") + ">"
                    + Html.escape(shortDescription(action)) + "</td>";
        }

        private String shortDescription(Resource action) {
            Statement d = action.getProperty(ag("omschrijving"));
            if (d == null) {
                return "";
            }
            String first = d.getString().strip().split("\\n\\s*\\n", 2)[0].replaceAll("\\s+", " ");
            if (first.length() <= 160) {
                return first;
            }
            int cut = first.lastIndexOf(' ', 160);
            return first.substring(0, cut < 80 ? 160 : cut) + " …";
        }

        // --- what links here ---------------------------------------------------------------------------

        /** The statements pointing here, grouped by property, each group named in the reading direction. */
        private String linksHere(Resource s) {
            Map<Property, List<Resource>> groups = new LinkedHashMap<>();
            for (Statement st : data.listStatements(null, null, s).toList()) {
                if (st.getSubject().isURIResource()) {
                    groups.computeIfAbsent(st.getPredicate(), p -> new ArrayList<>()).add(st.getSubject());
                }
            }
            if (groups.isEmpty()) {
                return "";
            }
            Map<String, Property> byHeading = new TreeMap<>();
            groups.keySet().forEach(p -> byHeading.put(inverse(p) + "\u0000" + p.getURI(), p));
            StringBuilder html = new StringBuilder("<section id=\"verwijzingen\"><h2>").append(Html.escape(texts.get("linktHierheen"))).append("</h2>\n");
            for (Property p : byHeading.values()) {
                List<Resource> subjects = new ArrayList<>(new LinkedHashSet<>(groups.get(p)));
                subjects.sort(Comparator.comparing((Resource r) -> naturalKey(sortLabel(r))).thenComparing(Resource::getURI));
                html.append("<h3>").append(Html.escape(inverse(p))).append(" <small>(").append(propertyLink(p)).append(", ")
                        .append(subjects.size()).append(")</small></h3>\n<ul class=\"verwijzingen\">\n");
                for (Resource r : subjects) {
                    html.append("<li>").append(linkHereItem(r)).append("</li>\n");
                }
                html.append("</ul>\n");
            }
            return html.append("</section>\n").toString();
        }

        /** An action with its status and short description; a mention as its sentence and action; else the label. */
        private String linkHereItem(Resource r) {
            if (r.hasProperty(ag("nummer")) && r.hasProperty(ag("omschrijving"))) {
                Resource status = r.getPropertyResourceValue(ag("status"));
                return link(r) + (status == null ? "" : " " + badge(status)) + " <span class=\"omschrijving\"" + langAttr("nl") + ">"
                        + Html.escape(shortDescription(r)) + "</span>";
            }
            Resource action = r.getPropertyResourceValue(ag("actie"));
            Statement words = r.getProperty(ag("tekst"));
            if (words != null && action != null) {
                return link(action) + ": <q lang=\"nl\">" + Html.escape(words.getString()) + "</q> <a class=\"iri\" href=\""
                        + Html.escape(href(r.getURI())) + "\" title=\"" + Html.escape(r.getURI()) + "\">#</a>";
            }
            return link(r);
        }

        /** "carried out by" for ag:geeftUitvoeringAan; an unknown property reads "← its label". */
        private String inverse(Property p) {
            return texts.find("inverse." + p.getLocalName()).orElseGet(() -> "← " + label(p).value());
        }

        private String sortLabel(Resource r) {
            Statement number = r.getProperty(ag("nummer"));
            if (number != null) {
                return "Actie " + number.getString();
            }
            Resource action = r.getPropertyResourceValue(ag("actie"));
            if (action != null && action.getProperty(ag("nummer")) != null) {
                return "Actie " + action.getProperty(ag("nummer")).getString() + " " + r.getURI();
            }
            return label(r).value();
        }

        // --- the ontology ------------------------------------------------------------------------------

        String ontology() {
            Resource root = ontology.getResource(Ontology.IRI);
            Labels.Text title = Labels.in(view.lang(), root, ontology).orElse(new Labels.Text("Actiegraaf-ontologie", "nl"));
            StringBuilder html = start(title.value(), Ontology.IRI);
            html.append("<h1").append(langAttr(title)).append(">").append(Html.escape(title.value())).append("</h1>\n");
            html.append("<p class=\"muted\"><code>").append(Html.escape(Ontology.IRI)).append("</code></p>\n");
            html.append(propertyTable(root, Set.of()));
            Map<String, List<Resource>> groups = new LinkedHashMap<>();
            for (String group : List.of("klassen", "eigenschappen", "individuen", "overigeTermen")) {
                groups.put(group, new ArrayList<>());
            }
            ontology.listSubjects().toList().stream()
                    .filter(r -> r.isURIResource() && r.getURI().startsWith(Ontology.IRI + "#"))
                    .sorted(Comparator.comparing(r -> label(r).value().toLowerCase(Locale.ROOT)))
                    .forEach(term -> groups.get(groupOf(term)).add(term));
            html.append("<nav class=\"toc\" aria-labelledby=\"inhoud-kop\"><h2 id=\"inhoud-kop\">").append(Html.escape(texts.get("inhoud")))
                    .append("</h2>\n<ul>\n");
            groups.forEach((group, terms) -> {
                if (terms.isEmpty()) {
                    return;
                }
                html.append("<li><a href=\"#").append(group).append("\">").append(Html.escape(texts.get(group))).append("</a> (")
                        .append(terms.size()).append(")\n<ul>");
                for (Resource term : terms) {
                    Labels.Text label = label(term);
                    html.append("<li><a href=\"#").append(Html.escape(localName(term))).append("\"").append(langAttr(label)).append(">")
                            .append(Html.escape(label.value())).append("</a></li>");
                }
                html.append("</ul></li>\n");
            });
            html.append("</ul>\n</nav>\n");
            groups.forEach((group, terms) -> {
                if (terms.isEmpty()) {
                    return;
                }
                html.append("<section id=\"").append(group).append("\" class=\"groep\"><h2>").append(Html.escape(texts.get(group))).append("</h2>\n");
                for (Resource term : terms) {
                    String local = localName(term);
                    Labels.Text label = label(term);
                    html.append("<section id=\"").append(Html.escape(local)).append("\"><h3><span").append(langAttr(label)).append(">")
                            .append(Html.escape(label.value())).append("</span> <code>ag:").append(Html.escape(local)).append("</code></h3>\n")
                            .append(propertyTable(term, Set.of())).append("</section>\n");
                }
                html.append("</section>\n");
            });
            return end(html);
        }

        private static String localName(Resource term) {
            return term.getURI().substring(Ontology.IRI.length() + 1);
        }

        private String groupOf(Resource term) {
            for (Resource type : term.listProperties(RDF.type).mapWith(st -> st.getObject()).filterKeep(RDFNode::isURIResource)
                    .mapWith(RDFNode::asResource).toList()) {
                if (type.equals(OWL.Class) || type.equals(RDFS.Class)) {
                    return "klassen";
                }
                if (type.equals(OWL.ObjectProperty) || type.equals(OWL.DatatypeProperty) || type.equals(OWL.AnnotationProperty)
                        || type.equals(RDF.Property) || type.equals(OWL.FunctionalProperty)) {
                    return "eigenschappen";
                }
            }
            boolean typed = term.listProperties(RDF.type).toList().stream()
                    .anyMatch(st -> st.getObject().isURIResource() && !st.getObject().asResource().getURI().startsWith(OWL.NS));
            return typed ? "individuen" : "overigeTermen";
        }

        // --- general -----------------------------------------------------------------------------------

        private String propertyTable(Resource s, Set<Property> leaveOut) {
            Map<Property, List<RDFNode>> values = new LinkedHashMap<>();
            for (Statement st : s.listProperties().toList()) {
                if (!leaveOut.contains(st.getPredicate())) {
                    values.computeIfAbsent(st.getPredicate(), p -> new ArrayList<>()).add(st.getObject());
                }
            }
            List<Property> properties = new ArrayList<>(values.keySet());
            // rdf:type first, then by the label a reader sees
            properties.sort(Comparator.comparing((Property p) -> !p.equals(RDF.type))
                    .thenComparing(p -> label(p).value().toLowerCase(Locale.ROOT)));
            StringBuilder html = new StringBuilder("<table class=\"gegevens\">\n");
            for (Property p : properties) {
                List<RDFNode> objects = sorted(values.get(p));
                html.append("<tr><th scope=\"row\">").append(propertyLink(p)).append("</th><td>");
                if (objects.size() == 1) {
                    html.append(value(objects.get(0)));
                } else {
                    html.append("<ul>");
                    objects.forEach(o -> html.append("<li>").append(value(o)).append("</li>"));
                    html.append("</ul>");
                }
                html.append("</td></tr>\n");
            }
            return html.append("</table>\n").toString();
        }

        /** Values in reading order: numbers inside labels compared as numbers (Actie 9 before Actie 10). */
        private List<RDFNode> sorted(List<RDFNode> objects) {
            List<RDFNode> copy = new ArrayList<>(objects);
            copy.sort(Comparator.comparing((RDFNode o) -> naturalKey(o.isLiteral() ? o.asLiteral().getLexicalForm()
                    : o.isAnon() ? "" : label(o.asResource()).value())));
            return copy;
        }

        private List<Resource> sortedResources(List<Resource> resources) {
            List<Resource> copy = new ArrayList<>(resources);
            copy.sort(Comparator.comparing(r -> naturalKey(label(r).value())));
            return copy;
        }

        private String value(RDFNode node) {
            if (!node.isLiteral()) {
                return link(node.asResource());
            }
            Literal literal = node.asLiteral();
            if (literal.getDatatypeURI() != null && literal.getDatatypeURI().endsWith("#date")) {
                return time(literal);
            }
            return "<span" + langAttr(literal) + ">" + Html.escape(literal.getLexicalForm()) + "</span>";
        }

        private String time(Literal date) {
            return "<time datetime=\"" + Html.escape(date.getLexicalForm()) + "\">" + Html.escape(date.getLexicalForm()) + "</time>";
        }

        /** A link to a resource: ours to its local path (in the page's language), external http(s) as is, else text. */
        private String link(Resource r) {
            if (r.isAnon()) {
                return "<span>[]</span>";
            }
            String iri = r.getURI();
            Labels.Text text = label(r);
            String href = localPath(iri) != null ? href(iri) : null;
            if (href == null && (iri.startsWith("http://") || iri.startsWith("https://"))) {
                href = iri;
            }
            if (href == null) {
                return "<span title=\"" + Html.escape(iri) + "\"" + langAttr(text) + ">" + Html.escape(text.value()) + "</span>";
            }
            return "<a href=\"" + Html.escape(href) + "\" title=\"" + Html.escape(iri) + "\"" + langAttr(text) + ">"
                    + Html.escape(text.value()) + "</a>";
        }

        private String propertyLink(Property p) {
            return link(p);
        }

        /** Our IRI's path, in the page's language; {@code /def#term} for the ontology's terms. */
        private String href(String iri) {
            String path = localPath(iri);
            return path == null ? iri : view.href(path);
        }

        private Labels.Text label(Resource r) {
            if (r.isAnon()) {
                return new Labels.Text("", "");
            }
            return Labels.in(view.lang(), r, ontology, data).orElseGet(() -> new Labels.Text(shortName(r.getURI()), ""));
        }

        private String langAttr(Labels.Text text) {
            return langAttr(text.lang());
        }

        private String langAttr(Literal literal) {
            return langAttr(literal.getLanguage());
        }

        /** {@code lang="nl"} where a text is not in the page's language. */
        private String langAttr(String lang) {
            if (lang == null || lang.isEmpty()) {
                return "";
            }
            String primary = lang.toLowerCase(Locale.ROOT).split("-")[0];
            return primary.equals(view.lang()) ? "" : " lang=\"" + Html.escape(primary) + "\"";
        }

        /**
         * An action's history over the editions, drawn by {@code /assets/geschiedenis.js} from the curated
         * {@code geschiedenis} query: a status strip and a word-level diff of its texts; a link to its feed.
         */
        private String history(String action) {
            String path = localPath(action);
            return "<section id=\"geschiedenis\" data-actie=\"" + Html.escape(action) + "\" aria-live=\"polite\">"
                    + "<h2>" + Html.escape(texts.get("geschiedenis")) + "</h2><p class=\"muted\">" + Html.escape(texts.get("laden")) + "</p>"
                    + (path == null ? "" : "<p><a href=\"" + Html.escape(path) + "/feed.atom\" type=\"application/atom+xml\">"
                            + Html.escape(texts.get("volg")) + "</a></p>")
                    + "</section>\n<script type=\"module\" src=\"/assets/geschiedenis.js\"></script>\n";
        }

        StringBuilder start(String title, String iri) {
            StringBuilder html = new StringBuilder(8192);
            String other = view.lang().equals("en") ? "nl" : "en";
            String path = iri == null ? null : localPath(iri);
            if (iri != null && iri.equals(Ontology.IRI)) {
                path = "/def";
            }
            String switchHref = (path == null ? "" : path) + "?lang=" + other;
            html.append("<!DOCTYPE html>\n<html lang=\"").append(view.lang()).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                    .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                    .append("<title>").append(Html.escape(title)).append(" · Actiegraaf</title>\n")
                    // The look and navigation of the page at / (issue 5): one stylesheet, no inline style.
                    .append(chromeHead()).append("</head>\n<body>\n")
                    .append(chromeHeader(view, switchHref))
                    .append("<main id=\"inhoud\">\n");
            return html;
        }

        String end(StringBuilder html) {
            html.append("<p class=\"formats\">").append(Html.escape(texts.get("ookAls"))).append(" <a href=\"?format=ttl\">Turtle</a> · ")
                    .append("<a href=\"?format=jsonld\">JSON-LD</a> · <a href=\"?format=rdf\">RDF/XML</a> · ")
                    .append("<a href=\"?format=nt\">N-Triples</a></p>\n</main>\n")
                    .append(chromeFooter(view))
                    .append("</body>\n</html>\n");
            return html.toString();
        }
    }

    /** A key that sorts numbers inside a text by value: "Actie 9" before "Actie 10". */
    static String naturalKey(String text) {
        Matcher m = NUMBER.matcher(text);
        StringBuilder key = new StringBuilder();
        int at = 0;
        while (m.find()) {
            key.append(text, at, m.start()).append(String.format("%012d", Long.parseLong(m.group().length() > 12 ? m.group().substring(0, 12) : m.group())));
            at = m.end();
        }
        return key.append(text.substring(at)).toString().toLowerCase(Locale.ROOT);
    }

    /** Our IRIs by their path, well-known vocabularies by their usual prefix, others in full. */
    private static String shortName(String iri) {
        if (iri.startsWith(BASE + "/")) {
            return iri.substring(BASE.length() + 1);
        }
        for (var prefix : Prefixes.ALL.entrySet()) {
            if (iri.startsWith(prefix.getValue()) && iri.length() > prefix.getValue().length()) {
                return prefix.getKey() + ":" + iri.substring(prefix.getValue().length());
            }
        }
        return iri;
    }

}
