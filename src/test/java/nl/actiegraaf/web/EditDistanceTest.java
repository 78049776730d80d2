package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EditDistanceTest {
    @Test
    void countsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, EditDistance.between("bzk", "bzk"));
        assertEquals(1, EditDistance.between("hersteloperatiee", "hersteloperatie")); // one deleted
        assertEquals(1, EditDistance.between("motie", "moties")); // one inserted
        assertEquals(1, EditDistance.between("motie", "motje")); // one substituted
        assertEquals(3, EditDistance.between("kitten", "sitting"));
    }

    @Test
    void anEmptySideCostsTheOthersLength() {
        assertEquals(5, EditDistance.between("", "fin01"));
        assertEquals(5, EditDistance.between("fin01", ""));
        assertEquals(0, EditDistance.between("", ""));
    }

    @Test
    void isSymmetricAndCaseCounts() {
        assertEquals(EditDistance.between("ministerie", "minister"), EditDistance.between("minister", "ministerie"));
        assertEquals(1, EditDistance.between("BZK", "BzK"));
    }
}
