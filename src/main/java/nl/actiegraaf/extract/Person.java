package nl.actiegraaf.extract;

/** A person from the members register, or one named in the text: IRI slug ({@code id/persoon/{slug}}) and name. */
public record Person(String slug, String label) {
}
