#!/usr/bin/python3
"""Client checks of issue 15: what a researcher's Python tools see of a running Actiegraaf server.

    /usr/bin/python3 src/test/python/client_checks.py http://127.0.0.1:7070/

One check per behaviour a client sees, each with the tool researchers use (SPARQLWrapper, rdflib,
pandas; the OpenAPI document checked for structure, since Debian has no openapi-spec-validator).
Only Debian's packages: python3-sparqlwrapper, python3-rdflib, python3-pandas (and the standard
library). Prints one line per check, "PASS name: detail" or "FAIL name: detail", then a summary;
exits 1 when a check failed, 3 (after one line naming them) when a package is missing.
"""
import csv
import io
import json
import re
import sys
import traceback
import urllib.error
import urllib.parse
import urllib.request
import warnings

MISSING_EXIT = 3
# SPARQLWrapper warns on stderr when the format differs from the one asked; the checks say so themselves.
warnings.simplefilter("ignore", RuntimeWarning)
try:
    import pandas
    import rdflib
    from SPARQLWrapper import SPARQLWrapper, JSON, XML, CSV, TURTLE, RDFXML, POST
except ImportError as e:  # the JUnit runner skips (or fails under CI=true) on this exit code
    print("MISSING Debian packages python3-sparqlwrapper python3-rdflib python3-pandas: %s" % e)
    sys.exit(MISSING_EXIT)

AG = "https://w3id.org/actiegraaf/def#"
ID = "https://w3id.org/actiegraaf/id/"
PREFIXES = "PREFIX ag: <%s> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> " % AG
COUNT_ACTIONS = PREFIXES + "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ag:Actie }"
ACTIONS = 86
ACTION = ID + "actie/pok/81"
ROW_CAP = 100000

BASE = None
CHECKS = []


def check(name):
    def register(function):
        CHECKS.append((name, function))
        return function
    return register


class Answer:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.body = body

    def header(self, name):
        return self.headers.get(name)

    def text(self):
        return self.body.decode("utf-8")

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def media_type(self):
        return (self.header("Content-Type") or "").split(";")[0].strip().lower()


def url(path):
    return urllib.parse.urljoin(BASE, path.lstrip("/"))


def http(path, method="GET", headers=None, data=None):
    """One request as a plain client sends it: no Accept unless given (as pandas and urllib)."""
    request = urllib.request.Request(url(path), method=method, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return Answer(response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        return Answer(error.code, error.headers, error.read())


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def sparql_get(query, **params):
    params["query"] = query
    return "sparql?" + urllib.parse.urlencode(params)


def wrapper(query, return_format, method=None):
    sparql = SPARQLWrapper(url("sparql"))
    sparql.setQuery(query)
    sparql.setReturnFormat(return_format)
    if method:
        sparql.setMethod(method)
    return sparql.query()


def wrapper_json(query, method=None):
    """SPARQLWrapper asking JSON (its Accept list, plus format=json and output=json in the URL)."""
    result = wrapper(query, JSON, method)
    kind = result.info().get("content-type", "")
    expect("json" in kind, "SPARQLWrapper asked for JSON and got %s" % kind)
    return result.convert()


def parse(data, rdf_format, publicID=None):
    graph = rdflib.Graph()
    graph.parse(data=data, format=rdf_format, publicID=publicID)
    return graph


def expect_problem(answer, status, parameter=None):
    """RFC 9457: application/problem+json with the status (and the parameter named, when there is one)."""
    expect(answer.status == status, "status %s, expected %s: %s" % (answer.status, status, answer.body[:200]))
    expect(answer.media_type() == "application/problem+json",
           "Content-Type %s, expected application/problem+json: %s" % (answer.header("Content-Type"), answer.body[:200]))
    problem = answer.json()
    expect(problem.get("status") == status, "problem's status member is %r" % problem.get("status"))
    expect(problem.get("title") or problem.get("detail"), "problem without title or detail: %s" % problem)
    if parameter:
        expect(parameter in json.dumps(problem), "the problem does not name the parameter %r: %s" % (parameter, problem))
    return problem


# ---------------------------------------------------------------- SPARQLWrapper against /sparql

@check("sparqlwrapper-select-json")
def _():
    result = wrapper_json(COUNT_ACTIONS)
    n = int(result["results"]["bindings"][0]["n"]["value"])
    expect(n == ACTIONS, "COUNT of ag:Actie is %d" % n)
    return "%d actions" % n


@check("sparqlwrapper-select-xml")
def _():
    document = wrapper(COUNT_ACTIONS, XML).convert()
    literals = [node.firstChild.nodeValue for node in document.getElementsByTagName("literal")]
    expect(literals == [str(ACTIONS)], "literals %s" % literals)
    return "SPARQL XML results, %s actions" % literals[0]


@check("sparqlwrapper-select-csv")
def _():
    body = wrapper(COUNT_ACTIONS, CSV).convert()
    rows = list(csv.reader(io.StringIO(body.decode("utf-8"))))
    expect(rows == [["n"], [str(ACTIONS)]], "rows %s" % rows)
    return "CSV %s" % rows


@check("sparqlwrapper-select-post")
def _():
    result = wrapper_json(COUNT_ACTIONS, POST)
    n = int(result["results"]["bindings"][0]["n"]["value"])
    expect(n == ACTIONS, "COUNT by POST is %d" % n)
    return "POST form, %d actions" % n


@check("sparqlwrapper-ask-json")
def _():
    result = wrapper_json(PREFIXES + "ASK { <%s> a ag:Actie }" % ACTION)
    expect(result.get("boolean") is True, "ASK answered %s" % result)
    return "true"


@check("sparqlwrapper-ask-xml")
def _():
    document = wrapper(PREFIXES + "ASK { <%s> a ag:Actie }" % ACTION, XML).convert()
    values = [node.firstChild.nodeValue for node in document.getElementsByTagName("boolean")]
    expect(values == ["true"], "ASK in XML: %s" % values)
    return "true"


CONSTRUCT = PREFIXES + "CONSTRUCT { ?a ag:nummer ?n } WHERE { ?a a ag:Actie ; ag:nummer ?n }"


@check("sparqlwrapper-construct-turtle")
def _():
    body = wrapper(CONSTRUCT, TURTLE).convert()
    graph = parse(body, "turtle")
    expect(len(graph) == ACTIONS, "%d triples" % len(graph))
    return "%d triples" % len(graph)


@check("sparqlwrapper-construct-rdfxml")
def _():
    graph = wrapper(CONSTRUCT, RDFXML).convert()
    expect(isinstance(graph, rdflib.Graph), "not parsed as RDF/XML: %r" % type(graph))
    expect(len(graph) == ACTIONS, "%d triples" % len(graph))
    return "%d triples" % len(graph)


@check("sparql-construct-jsonld")
def _():
    # Debian's SPARQLWrapper 1.8 refuses JSONLD without the old rdflib-jsonld plugin (rdflib 6 has JSON-LD
    # built in), so the JSON-LD answer is asked as a plain client asks it and read by rdflib.
    answer = http(sparql_get(CONSTRUCT), headers={"Accept": "application/ld+json"})
    expect(answer.status == 200 and answer.media_type() == "application/ld+json", "%s %s" % (answer.status, answer.header("Content-Type")))
    graph = parse(answer.body, "json-ld")
    expect(len(graph) == ACTIONS, "%d triples" % len(graph))
    return "%d triples" % len(graph)


@check("sparql-accept-list-json-first")
def _():
    # SPARQLWrapper's Accept for JSON; also sent by other clients that list JSON types after the SPARQL one.
    accept = "application/sparql-results+json,application/json,text/javascript,application/javascript"
    answer = http(sparql_get(COUNT_ACTIONS), headers={"Accept": accept})
    expect(answer.status == 200 and answer.media_type() == "application/sparql-results+json",
           "Accept %s answered %s %s" % (accept, answer.status, answer.header("Content-Type")))
    return "application/sparql-results+json"


# ---------------------------------------------------------------- /sparql as tools without Accept use it

@check("sparql-format-csv-without-accept")
def _():
    frame = pandas.read_csv(url(sparql_get(COUNT_ACTIONS, format="csv")))
    expect(list(frame.columns) == ["n"] and int(frame["n"][0]) == ACTIONS, "pandas read %s" % frame.to_dict())
    return "pandas.read_csv: n=%d" % int(frame["n"][0])


@check("sparql-output-csv-without-accept")
def _():
    answer = http(sparql_get(COUNT_ACTIONS, output="csv"))
    expect(answer.status == 200 and answer.media_type() == "text/csv",
           "%s %s" % (answer.status, answer.header("Content-Type")))
    return "text/csv"


@check("sparql-format-unknown-refused")
def _():
    answer = http(sparql_get(COUNT_ACTIONS, format="spreadsheet"))
    expect(answer.status == 400, "format=spreadsheet answered %s %s" % (answer.status, answer.header("Content-Type")))
    expect("format" in answer.text(), "the 400 does not name the parameter: %s" % answer.text()[:200])
    return "400: %s" % answer.text()[:80].strip()


@check("sparql-no-maxrows-header-when-not-cut")
def _():
    answer = http(sparql_get(COUNT_ACTIONS), headers={"Accept": "application/sparql-results+json"})
    expect(answer.status == 200, "status %s" % answer.status)
    expect(answer.header("X-SPARQL-MaxRows") is None,
           "X-SPARQL-MaxRows: %s on a one-row answer" % answer.header("X-SPARQL-MaxRows"))
    return "no X-SPARQL-MaxRows on a one-row answer"


# 120,000 rows made by the query itself (no store access): more than the row cap of 100,000.
MANY_ROWS = "SELECT ?x ?y WHERE { VALUES ?x { %s } VALUES ?y { %s } }" % (
    " ".join(str(i) for i in range(400)), " ".join(str(i) for i in range(300)))


@check("sparql-cut-answer-flagged")
def _():
    answer = http(sparql_get(MANY_ROWS), headers={"Accept": "text/csv"})
    expect(answer.status == 200, "status %s" % answer.status)
    rows = answer.text().count("\n") - 1
    expect(answer.header("X-SPARQL-MaxRows") == str(ROW_CAP),
           "X-SPARQL-MaxRows: %s for an answer cut at %d rows" % (answer.header("X-SPARQL-MaxRows"), rows))
    expect(rows == ROW_CAP, "%d rows, expected the first %d" % (rows, ROW_CAP))
    return "%d of 120000 rows, X-SPARQL-MaxRows: %s" % (rows, answer.header("X-SPARQL-MaxRows"))


# ---------------------------------------------------------------- rdflib on resource pages, /def, downloads

def resource(media_type, rdf_format, path="id/actie/pok/81"):
    answer = http(path, headers={"Accept": media_type})
    expect(answer.status == 200, "%s as %s: status %s" % (path, media_type, answer.status))
    expect(answer.media_type() == media_type,
           "asked %s, got Content-Type %s" % (media_type, answer.header("Content-Type")))
    graph = parse(answer.body, rdf_format, publicID=url(path))
    subject = rdflib.URIRef(ACTION)
    expect((subject, rdflib.RDF.type, rdflib.URIRef(AG + "Actie")) in graph, "no <%s> a ag:Actie among %d triples" % (ACTION, len(graph)))
    return answer, graph


def resource_check(name, media_type, rdf_format, note=""):
    """A check that rdflib reads action 81 asked for as media_type."""
    @check(name)
    def _():
        _, graph = resource(media_type, rdf_format)
        return "%d triples%s" % (len(graph), note)


for name, media_type, rdf_format, note in [
        ("id-turtle", "text/turtle", "turtle", ""),
        ("id-ntriples-as-text-plain", "text/plain", "nt", " (rdflib's N-Triples Accept)"),
        ("id-ntriples", "application/n-triples", "nt", ""),
        ("id-jsonld", "application/ld+json", "json-ld", ""),
        ("id-rdfxml", "application/rdf+xml", "xml", "")]:
    resource_check(name, media_type, rdf_format, note)


@check("id-n3")
def _():
    answer, graph = resource("text/n3", "n3")
    sparql_style = [line for line in answer.text().splitlines() if re.match(r"(?i)^\s*PREFIX\s", line)]
    expect(not sparql_style, "N3 with SPARQL-style prefix lines, which N3 parsers reject: %s" % sparql_style[:2])
    return "%d triples, @prefix form" % len(graph)


@check("id-rdflib-parses-url")
def _():
    graph = rdflib.Graph()
    graph.parse(url("id/actie/pok/81"), format="turtle")  # rdflib's own content negotiation
    expect((rdflib.URIRef(ACTION), rdflib.URIRef(AG + "nummer"), None) in graph, "no ag:nummer for action 81")
    return "%d triples" % len(graph)


@check("def-ontology")
def _():
    answer = http("def", headers={"Accept": "text/turtle"})
    expect(answer.status == 200, "status %s" % answer.status)
    graph = parse(answer.body, "turtle", publicID=url("def"))
    expect((rdflib.URIRef(AG + "Actie"), rdflib.RDF.type, rdflib.OWL.Class) in graph, "ag:Actie is no owl:Class in /def")
    return "%d triples" % len(graph)


@check("def-shapes")
def _():
    answer = http("def/shapes", headers={"Accept": "text/turtle"})
    expect(answer.status == 200, "/def/shapes: status %s" % answer.status)
    graph = parse(answer.body, "turtle", publicID=url("def/shapes"))
    shapes = set(graph.subjects(rdflib.RDF.type, rdflib.URIRef("http://www.w3.org/ns/shacl#NodeShape")))
    expect(shapes, "no sh:NodeShape in /def/shapes")
    return "%d node shapes" % len(shapes)


def download(name, rdf_format, dataset=False):
    answer = http("download/" + name)
    expect(answer.status == 200, "status %s" % answer.status)
    graph = rdflib.ConjunctiveGraph() if dataset else rdflib.Graph()
    graph.parse(data=answer.body, format=rdf_format)
    expect((rdflib.URIRef(ACTION), rdflib.RDF.type, rdflib.URIRef(AG + "Actie")) in graph, "action 81 missing")
    return graph


@check("download-turtle")
def _():
    return "%d triples" % len(download("actiegraaf.ttl", "turtle"))


def dataset_download_check(name, file, rdf_format):
    """A check that rdflib reads the whole-dataset download file, with its graphs."""
    @check(name)
    def _():
        graph = download(file, rdf_format, dataset=True)
        return "%d quads in %d graphs" % (len(graph), len(list(graph.contexts())))


dataset_download_check("download-nquads", "actiegraaf.nq", "nquads")
dataset_download_check("download-trig", "actiegraaf.trig", "trig")


# ---------------------------------------------------------------- VoID / DCAT

VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
DCAT = rdflib.Namespace("http://www.w3.org/ns/dcat#")
DCT = rdflib.Namespace("http://purl.org/dc/terms/")


def void():
    answer = http(".well-known/void", headers={"Accept": "text/turtle"})
    expect(answer.status == 200, "status %s" % answer.status)
    graph = parse(answer.body, "turtle", publicID=url(".well-known/void"))
    datasets = [d for d in graph.subjects(rdflib.RDF.type, VOID.Dataset)
                if (d, VOID.sparqlEndpoint, None) in graph]
    expect(datasets, "no void:Dataset with a void:sparqlEndpoint")
    return graph, datasets[0]


@check("void-parses")
def _():
    graph, dataset = void()
    return "<%s>, %d triples" % (dataset, len(graph))


@check("void-publisher-creator-iris")
def _():
    graph, dataset = void()
    for term in (DCT.publisher, DCT.creator):
        values = list(graph.objects(dataset, term))
        expect(values and all(isinstance(v, rdflib.URIRef) for v in values), "%s: %s (IRIs expected)" % (term, values))
    return "publisher %s" % list(graph.objects(dataset, DCT.publisher))[0]


@check("void-dcat-metadata")
def _():
    graph, dataset = void()
    missing = [str(t) for t in (DCAT.contactPoint, DCT.issued, DCT.modified, DCT.language, DCAT.keyword)
               if (dataset, t, None) not in graph]
    expect(not missing, "missing on the dataset: %s" % missing)
    expect(any(lit.language == "en" for lit in graph.objects(dataset, DCT.title)), "no English dcterms:title")
    expect((None, DCAT.accessURL, None) in graph, "no dcat:accessURL")
    expect((None, rdflib.RDF.type, DCAT.DataService) in graph, "no dcat:DataService for the endpoint")
    return "contact point, issued/modified, language, keywords, access URL, data service"


@check("void-linksets")
def _():
    graph, _ = void()
    linksets = list(graph.subjects(rdflib.RDF.type, VOID.Linkset))
    expect(len(linksets) >= 2, "void:Linksets: %s (the TOOI and publication links expected)" % linksets)
    return "%d linksets" % len(linksets)


@check("triple-count-consistent")
def _():
    health = http("health").json()["triples"]
    graph, dataset = void()
    counted = [int(v) for v in graph.objects(dataset, VOID.triples)]
    downloaded = len(download("actiegraaf.nq", "nquads", dataset=True))
    expect(counted == [health] and downloaded == health,
           "/health %s, VoID void:triples %s, download %s" % (health, counted, downloaded))
    return "%d triples everywhere" % health


# ---------------------------------------------------------------- the curated queries with pandas

def listing():
    answer = http("api/queries")
    expect(answer.status == 200, "/api/queries: status %s" % answer.status)
    return answer.json()


def call_of(entry):
    """The query's URL path and query string: its example when a parameter is required, else bare."""
    if any(p.get("required") for p in entry["parameters"]) and entry.get("example"):
        path, _, query = entry["example"].partition("?")
        return path, query
    return entry["url"], ""


def json_rows(path, query):
    """Every row of a JSON answer, following the Link rel=next pages a JSON client follows."""
    rows = []
    target = path + "?" + "&".join(p for p in (query, "limit=1000") if p)
    for _ in range(1000):
        answer = http(target, headers={"Accept": "application/json"})
        expect(answer.status == 200, "%s: status %s %s" % (target, answer.status, answer.body[:200]))
        body = answer.json()
        rows.extend(body if isinstance(body, list) else body.get("rows", []))
        following = re.search(r'<([^>]+)>\s*;\s*rel="?next"?', answer.header("Link") or "")
        if not following:
            return rows
        target = following.group(1)
    raise AssertionError("more than 1000 pages")


def curated_csv_check(entry):
    def run():
        path, query = call_of(entry)
        csv_url = path + ".csv" + ("?" + query if query else "")
        frame = pandas.read_csv(url(csv_url))
        expected = len(json_rows(path, query))
        expect(len(frame) == expected, "pandas.read_csv(%s) read %d rows, the JSON pages hold %d" % (csv_url, len(frame), expected))
        return "%d rows" % len(frame)
    return run


def register_curated_checks():
    """One check per curated query of rows (the graph-shaped netwerk has no CSV rows to count)."""
    try:
        entries = listing()
    except Exception as e:  # the listing check below reports it
        return
    for entry in entries:
        if entry.get("output") == "rows":
            check("pandas-csv-%s" % entry["name"])(curated_csv_check(entry))


@check("curated-page-has-link-and-rows")
def _():
    answer = http("api/queries/organisaties.csv?limit=5")
    expect(answer.status == 200, "status %s" % answer.status)
    frame = pandas.read_csv(io.BytesIO(answer.body))
    expect(len(frame) == 5, "%d rows for limit=5" % len(frame))
    expect('rel="next"' in (answer.header("Link") or ""), "no Link rel=next on a page of organisaties: %s" % answer.header("Link"))
    return "5 rows and Link: %s" % answer.header("Link")[:60]


@check("curated-unknown-iri-organisatie")
def _():
    problem = expect_problem(http("api/queries/organisaties?organisatie=BZK", headers={"Accept": "application/json"}), 400, "organisatie")
    expect("bzk" in json.dumps(problem).lower(), "no closest known value (bzk) offered: %s" % problem)
    return problem.get("detail") or problem.get("title")


@check("curated-unknown-iri-thema")
def _():
    problem = expect_problem(http("api/queries/acties-per-thema?thema=hersteloperatiee", headers={"Accept": "application/json"}), 400, "thema")
    expect("hersteloperatie" in json.dumps(problem), "no closest known theme offered: %s" % problem)
    return problem.get("detail") or problem.get("title")


@check("curated-bad-value-problem-json")
def _():
    problem = expect_problem(http("api/queries/deadlines?van=gisteren", headers={"Accept": "application/json"}), 400, "van")
    return problem.get("detail") or problem.get("title")


@check("not-found-problem-json")
def _():
    problem = expect_problem(http("api/queries/bestaat-niet", headers={"Accept": "application/json"}), 404)
    return problem.get("title")


@check("id-not-found-problem-json")
def _():
    problem = expect_problem(http("id/actie/pok/9999", headers={"Accept": "application/ld+json"}), 404)
    return problem.get("title")


@check("id-not-found-html-for-browsers")
def _():
    answer = http("id/actie/pok/9999", headers={"Accept": "text/html"})
    expect(answer.status == 404 and answer.media_type() == "text/html", "%s %s" % (answer.status, answer.header("Content-Type")))
    return "404 text/html"


@check("method-not-allowed-problem-json")
def _():
    problem = expect_problem(http("api/queries/deadlines", method="DELETE", headers={"Accept": "application/json"}), 405)
    return problem.get("title")


@check("not-acceptable-problem-json")
def _():
    problem = expect_problem(http("id/actie/pok/81", headers={"Accept": "application/x-nothing-we-serve"}), 406)
    return problem.get("title")


@check("not-modified-headers")
def _():
    first = http("api/queries/tellingen", headers={"Accept": "application/json"})
    etag = first.header("ETag")
    expect(first.status == 200 and etag, "status %s, ETag %s" % (first.status, etag))
    again = http("api/queries/tellingen", headers={"Accept": "application/json", "If-None-Match": etag})
    expect(again.status == 304, "If-None-Match answered %s" % again.status)
    expect(again.header("ETag") == etag, "304 ETag %s, 200 had %s" % (again.header("ETag"), etag))
    expect(again.header("Cache-Control"), "304 without Cache-Control")
    kind = again.header("Content-Type")
    expect(kind is None or kind.split(";")[0] == first.media_type(), "304 with Content-Type %s (the 200 had %s)" % (kind, first.media_type()))
    expect(not again.body, "304 with a body")
    return "304, ETag %s" % etag


@check("cors-preflight")
def _():
    answer = http("sparql", method="OPTIONS", headers={"Origin": "https://example.org",
                                                       "Access-Control-Request-Method": "POST",
                                                       "Access-Control-Request-Headers": "Content-Type"})
    expect(answer.status in (200, 204), "preflight answered %s" % answer.status)
    expect(answer.header("Access-Control-Allow-Origin") in ("*", "https://example.org"),
           "Access-Control-Allow-Origin: %s" % answer.header("Access-Control-Allow-Origin"))
    expect("POST" in (answer.header("Access-Control-Allow-Methods") or ""), "Allow-Methods %s" % answer.header("Access-Control-Allow-Methods"))
    expect(answer.header("Access-Control-Max-Age"), "no Access-Control-Max-Age")
    return "Allow-Methods %s, Max-Age %s" % (answer.header("Access-Control-Allow-Methods"), answer.header("Access-Control-Max-Age"))


@check("cors-preflight-no-echo-of-unknown-method")
def _():
    answer = http("sparql", method="OPTIONS", headers={"Origin": "https://example.org",
                                                       "Access-Control-Request-Method": "PURGE"})
    allowed = answer.header("Access-Control-Allow-Methods") or ""
    expect("PURGE" not in allowed, "the preflight allows PURGE: %s" % allowed)
    return "Allow-Methods %s" % (allowed or "(none)")


@check("health")
def _():
    answer = http("health")
    body = answer.json()
    expect(answer.status == 200 and body.get("status") == "ok" and isinstance(body.get("triples"), int), "%s %s" % (answer.status, body))
    return "%d triples" % body["triples"]


# ---------------------------------------------------------------- the OpenAPI document

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def openapi():
    answer = http("openapi.json")
    expect(answer.status == 200, "status %s" % answer.status)
    return answer.json()


def resolve(document, node):
    seen = 0
    while isinstance(node, dict) and "$ref" in node:
        reference = node["$ref"]
        expect(reference.startswith("#/"), "external $ref %s" % reference)
        node = document
        for part in reference[2:].split("/"):
            part = part.replace("~1", "/").replace("~0", "~")
            expect(isinstance(node, dict) and part in node, "unresolvable $ref %s" % reference)
            node = node[part]
        seen += 1
        expect(seen < 50, "$ref loop at %s" % reference)
    return node


def all_refs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref":
                yield value
            else:
                yield from all_refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from all_refs(value)


def operations(document):
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item, item[method]


@check("openapi-valid")
def _():
    """The rules of OpenAPI 3 a validator checks first (Debian has no openapi-spec-validator)."""
    document = openapi()
    expect(re.match(r"^3\.(0|1)\.\d+$", str(document.get("openapi"))), "openapi: %s" % document.get("openapi"))
    expect(document.get("info", {}).get("title") and document["info"].get("version"), "info.title/version missing")
    expect(isinstance(document.get("paths"), dict) and document["paths"], "no paths")
    for reference in all_refs(document):
        resolve(document, {"$ref": reference})
    ids = []
    for path, method, item, op in operations(document):
        expect(path.startswith("/"), "path %s" % path)
        where = "%s %s" % (method.upper(), path)
        expect(isinstance(op.get("responses"), dict) and op["responses"], where + ": no responses")
        for code, response in op["responses"].items():
            expect(re.match(r"^([1-5]\d\d|[1-5]XX|default)$", str(code)), where + ": response code %s" % code)
            expect("description" in resolve(document, response), where + " %s: response without description" % code)
        parameters = [resolve(document, p) for p in item.get("parameters", []) + op.get("parameters", [])]
        keys = [(p.get("name"), p.get("in")) for p in parameters]
        expect(len(keys) == len(set(keys)), where + ": duplicate parameters %s" % keys)
        for p in parameters:
            expect(p.get("in") in ("query", "header", "path", "cookie"), where + ": parameter in %s" % p.get("in"))
            expect("schema" in p or "content" in p, where + ": parameter %s without schema" % p.get("name"))
            if p.get("in") == "path":
                expect(p.get("required") is True, where + ": path parameter %s not required" % p.get("name"))
        templated = set(re.findall(r"{([^}]+)}", path))
        declared = {p.get("name") for p in parameters if p.get("in") == "path"}
        expect(templated == declared, where + ": path template %s, path parameters %s" % (templated, declared))
        if "operationId" in op:
            ids.append(op["operationId"])
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    expect(not duplicates, "duplicate operationIds: %s" % duplicates)
    return "%d operations, every $ref resolves" % len(list(operations(document)))


def row_schema(document, op):
    content = resolve(document, op["responses"]["200"]).get("content", {})
    schema = resolve(document, content.get("application/json", {}).get("schema", {}))
    items = resolve(document, schema.get("items", {}))
    return items.get("properties", {})


@check("openapi-columns-typed")
def _():
    document = openapi()
    untyped = []
    for entry in listing():
        if entry.get("output") != "rows":
            continue
        op = document["paths"].get(entry["url"], {}).get("get")
        expect(op, "no GET %s in the OpenAPI document" % entry["url"])
        properties = row_schema(document, op)
        expect(properties, "%s: row columns not described" % entry["name"])
        untyped += ["%s.%s" % (entry["name"], c) for c, s in properties.items() if not resolve(document, s).get("type")]
    expect(not untyped, "columns without a type: %s" % untyped[:8])
    deadlines = row_schema(document, document["paths"]["/api/queries/deadlines"]["get"])
    nummer = resolve(document, deadlines.get("nummer", {}))
    datum = resolve(document, deadlines.get("datum", {}))
    expect(nummer.get("type") == "integer", "deadlines.nummer is %s, not integer" % nummer)
    expect(datum.get("format") == "date", "deadlines.datum is %s, not a date" % datum)
    return "every column typed (deadlines.nummer integer, datum date)"


@check("openapi-errors-described")
def _():
    document = openapi()
    # The errors as they are sent: every described 4xx/5xx of the API is problem+json, and a query with
    # typed parameters describes its 400.
    expect("400" in document["paths"]["/api/queries/deadlines"]["get"]["responses"], "deadlines: no 400 described")
    wrong = []
    for path, method, _, op in operations(document):
        if not path.startswith("/api/"):
            continue
        for code, response in op["responses"].items():
            content = resolve(document, response).get("content", {})
            if str(code)[0] in "45" and content and "application/problem+json" not in content:
                wrong.append("%s %s %s: %s" % (method.upper(), path, code, list(content)))
    expect(not wrong, "errors not described as application/problem+json: %s" % wrong[:5])
    return "every API error response as problem+json"


@check("openapi-sparql-timeout")
def _():
    document = openapi()
    item = document["paths"].get("/sparql", {})
    names = {resolve(document, p).get("name") for p in item.get("parameters", []) + item.get("get", {}).get("parameters", [])}
    expect("timeout" in names, "GET /sparql parameters %s lack timeout" % sorted(n for n in names if n))
    return "timeout documented"


@check("openapi-id-paths-callable")
def _():
    """As a generated client calls /id/...: every GET path filled with its parameters' examples answers 200."""
    document = openapi()
    called, failed, not_here = 0, [], []
    # A change between two editions exists only where a series has two: on the June 2021 report alone, none.
    changes = json.loads(http(sparql_get("ASK { ?w a <https://w3id.org/actiegraaf/def#Wijziging> }", format="json")).body)["boolean"]
    for path, item in document["paths"].items():
        if not path.startswith("/id/") or "get" not in item:
            continue
        if path.startswith("/id/wijziging/") and not changes:
            not_here.append(path)
            continue
        parameters = [resolve(document, p) for p in item.get("parameters", []) + item["get"].get("parameters", [])]
        filled = path
        for p in parameters:
            if p.get("in") == "path":
                example = p.get("example", resolve(document, p.get("schema", {})).get("example"))
                expect(example is not None, "%s: path parameter %s has no example" % (path, p.get("name")))
                filled = filled.replace("{%s}" % p["name"], urllib.parse.quote(str(example), safe=""))
        expect("{" not in filled, "%s: a template without a path parameter" % path)
        answer = http(filled.lstrip("/"), headers={"Accept": "text/turtle, application/atom+xml;q=0.9, */*;q=0.1"})
        called += 1
        if answer.status != 200:
            failed.append("%s: %s" % (filled, answer.status))
    expect(called, "no GET /id/... operation in the OpenAPI document")
    expect(not failed, "%d of %d described /id paths do not answer 200: %s" % (len(failed), called, failed[:5]))
    return "%d /id operations called with their examples%s" % (called, "; not called (no second edition here): %s" % not_here if not_here else "")


# ----------------------------------------------------------------

def main(argv):
    global BASE
    if len(argv) != 2:
        print("usage: client_checks.py BASE-URL (for example http://127.0.0.1:7070/)")
        return 2
    BASE = argv[1] if argv[1].endswith("/") else argv[1] + "/"
    register_curated_checks()
    failed = 0
    for name, function in CHECKS:
        try:
            detail = function() or ""
            print("PASS %s: %s" % (name, detail))
        except Exception as e:  # every failure is one line; the cause of an unexpected error too
            failed += 1
            kind = "" if isinstance(e, AssertionError) else type(e).__name__ + ": "
            where = traceback.extract_tb(e.__traceback__)[-1]
            detail = (kind + str(e)).replace("\n", " ")[:400]
            print("FAIL %s: %s%s" % (name, detail, "" if isinstance(e, AssertionError) else " (line %d)" % where.lineno))
        sys.stdout.flush()
    print("%d checks, %d passed, %d failed" % (len(CHECKS), len(CHECKS) - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
