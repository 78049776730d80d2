package nl.actiegraaf.extract;

import java.util.Locale;

/**
 * A government office (W3C ORG {@code org:Post}): "de minister van BZK", "de staatssecretaris van
 * BZK". The same ministry has several offices, and a commitment is made by one of them.
 *
 * @param title      "minister" or "staatssecretaris"
 * @param department the ministry the office is in, or null when the text does not say which
 */
public record Office(String title, Organisation department) {
    public Office {
        title = title.toLowerCase(Locale.ROOT);
    }

    /** {@code minister-bzk}, {@code staatssecretaris-bzk}; {@code staatssecretaris} when the department is unknown. */
    public String slug() {
        return department == null ? title : title + "-" + department.code();
    }

    /** "Minister van Binnenlandse Zaken en Koninkrijksrelaties"; "Staatssecretaris (departement onbekend)". */
    public String label() {
        String name = Character.toUpperCase(title.charAt(0)) + title.substring(1);
        if (department == null) {
            return name + " (departement onbekend)";
        }
        String ministry = department.label();
        String prefix = "Ministerie van ";
        return name + " van " + (ministry.startsWith(prefix) ? ministry.substring(prefix.length()) : ministry);
    }
}
