package nl.actiegraaf.extract;

/** A body from the organisation register: its IRI code ({@code id/organisatie/{code}}) and name. */
public record Organisation(String code, String label) {
}
