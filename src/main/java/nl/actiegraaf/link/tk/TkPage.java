package nl.actiegraaf.link.tk;

import java.util.List;

/**
 * One page of the API's answer: its Documents, the link to the next page (null on the last), and what
 * in it could not be read (each a one-line reason naming the page).
 */
public record TkPage(String origin, String nextLink, List<TkRecords.Document> documents, List<String> problems) {
}
