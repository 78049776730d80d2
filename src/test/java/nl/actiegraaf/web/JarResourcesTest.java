package nl.actiegraaf.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import org.eclipse.jetty.util.resource.MountedPathResourceFactory;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.junit.jupiter.api.Test;

/**
 * Class-path folders in a jar resolve to the same resources as with Jetty's own factory, but all on
 * one zip file system per jar: the second folder does not open (read the central directory of) the
 * jar again. The jar here is the Swagger UI WebJar, as the facade serves it.
 */
class JarResourcesTest {
    private static final String SWAGGER = "META-INF/resources/webjars/swagger-ui/";

    @Test
    void foldersOfOneJarShareOneFileSystemAndResolveAsJettyDoes() throws Exception {
        URL url = getClass().getClassLoader().getResource(SWAGGER);
        assertNotNull(url);
        assertEquals("jar", url.getProtocol(), "the WebJar is a jar on the test class path");
        URI folder = url.toURI();
        URI other = URI.create(folder.toString().replaceAll("swagger-ui/$", ""));

        Resource first = JarResources.newFactory().newResource(folder);
        Resource second = JarResources.newFactory().newResource(other);
        assertSame(first.getPath().getFileSystem(), second.getPath().getFileSystem(), "the jar was opened once");

        Resource jettys = new MountedPathResourceFactory().newResource(folder);
        Resource jettysAgain = new MountedPathResourceFactory().newResource(folder);
        assertNotSame(jettys.getPath().getFileSystem(), jettysAgain.getPath().getFileSystem(), "Jetty's own opens it every time");

        assertEquals(jettys.getURI(), first.getURI());
        assertEquals(jettys.isDirectory(), first.isDirectory());
        assertEquals(jettys.list().stream().map(Resource::getFileName).sorted().toList(),
                first.list().stream().map(Resource::getFileName).sorted().toList());
        assertTrue(Files.isDirectory(first.getPath()));
        assertNull(JarResources.newFactory().newResource(URI.create("jar:file:/no/such.jar!/web/")), "no jar: no resource");
    }

    @Test
    void installedItServesJarUrlsForEveryJettyResourceFactory() throws Exception {
        JarResources.install();
        URL url = getClass().getClassLoader().getResource(SWAGGER);
        Resource a = ResourceFactory.root().newResource(url);
        Resource b = ResourceFactory.root().newResource(url);
        assertSame(a.getPath().getFileSystem(), b.getPath().getFileSystem());
    }
}
