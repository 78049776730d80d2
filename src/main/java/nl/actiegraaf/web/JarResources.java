package nl.actiegraaf.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.util.URIUtil;
import org.eclipse.jetty.util.resource.MountedPathResourceFactory;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * Jetty's resources for {@code jar:} URLs, with one zip file system per jar, opened once and shared.
 * Jetty's own factory opens a new zip file system for every class-path folder it is asked for, and
 * opening one reads the jar's whole central directory: the shaded {@code actiegraaf.jar} has ~33,000
 * entries, and the facade's five static-file folders (Swagger UI, page assets, i18n, two WebJars) are
 * each resolved twice by Javalin, so that reading was a quarter of the facade's start (JFR, bench/README.md).
 * Same resources as Jetty's factory gives (it is used with the shared file system), only the opening is saved.
 */
final class JarResources implements ResourceFactory {
    /** Jetty opens a jar as its own factory does: multi-release entries as for the running JVM. */
    private static final Map<String, String> ENV = Map.of("releaseVersion", "runtime");
    private static final Map<Path, MountedPathResourceFactory> FACTORIES = new ConcurrentHashMap<>();
    private static volatile boolean installed;

    private JarResources() {
    }

    /** The factory (file systems are shared by all of them); {@link #install} registers one with Jetty. */
    static ResourceFactory newFactory() {
        return new JarResources();
    }

    /** Makes Jetty (in this JVM) resolve {@code jar:} URLs through shared file systems; idempotent. */
    static void install() {
        if (!installed) {
            synchronized (JarResources.class) {
                if (!installed) {
                    ResourceFactory.registerResourceFactory("jar", newFactory());
                    installed = true;
                }
            }
        }
    }

    /**
     * Opens the zip file system of the jar that holds {@code classPathResource} now (in the caller's
     * thread), so that a facade started later finds it open; nothing when it is not in a jar.
     */
    static void open(String classPathResource) {
        install();
        java.net.URL url = JarResources.class.getClassLoader().getResource(classPathResource);
        if (url != null && "jar".equals(url.getProtocol())) {
            ResourceFactory.root().newResource(url);
        }
    }

    @Override
    public Resource newResource(URI uri) {
        Path jar = Path.of(URIUtil.unwrapContainer(uri).normalize());
        if (!Files.exists(jar)) {
            return null; // as Jetty's own factory answers
        }
        return FACTORIES.computeIfAbsent(jar, JarResources::factoryOf).newResource(uri);
    }

    private static MountedPathResourceFactory factoryOf(Path jar) {
        try {
            // Never closed: it lives as long as the class path it serves (one per jar on it).
            FileSystem zip = FileSystems.newFileSystem(jar, ENV);
            return new MountedPathResourceFactory(zip);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + jar + " as a zip file system", e);
        }
    }
}
