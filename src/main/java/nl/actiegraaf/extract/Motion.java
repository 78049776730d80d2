package nl.actiegraaf.extract;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A motion of the Tweede Kamer.
 *
 * @param paper        its Kamerstuk, or null when the report names it only by its submitters
 * @param part         "deel N" of the motion, or null for the whole motion
 * @param submitters   the named submitters, each once
 * @param coSubmitters true when the report says "c.s." (further submitters not named)
 */
public record Motion(Kamerstuk paper, Integer part, List<Person> submitters, boolean coSubmitters) {
    public Motion {
        submitters = List.copyOf(submitters);
    }

    /** The whole motion this is a part of, or this motion itself. */
    public Motion whole() {
        return part == null ? this : new Motion(paper, null, submitters, coSubmitters);
    }

    /** Surnames as the report would write them: "Omtzigt/Van Dam", "Marijnissen c.s.". */
    public String submitterNames() {
        String names = submitters.stream().map(Motion::surname).collect(Collectors.joining("/"));
        return coSubmitters ? names + " c.s." : names;
    }

    private static String surname(Person person) {
        String label = person.label();
        int space = firstSurnameStart(label);
        String surname = label.substring(space);
        return Character.toUpperCase(surname.charAt(0)) + surname.substring(1);
    }

    // "Chris van Dam" -> "van Dam", "Geert Wilders" -> "Wilders", "Gert-Jan Segers" -> "Segers".
    private static int firstSurnameStart(String label) {
        String[] words = label.split(" ");
        if (words.length == 1) {
            return 0;
        }
        int offset = words[0].length() + 1;
        for (int i = 1; i < words.length - 1; i++) {
            if (words[i].chars().anyMatch(Character::isUpperCase)) {
                offset += words[i].length() + 1;
            } else {
                break;
            }
        }
        return offset;
    }
}
