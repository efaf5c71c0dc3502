package kr.co.stupy.adapter.web.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads every file under a classpath folder, whether the folder is a directory (tests, an IDE) or
 * inside a jar ({@code stupy.jar}). The folder is found through its {@code index.html}, because a
 * jar need not list directories as entries; the first classpath entry holding it wins, as it would
 * for a plain resource lookup.
 */
final class ClasspathFolder {

    private static final Logger LOG = LoggerFactory.getLogger(ClasspathFolder.class);
    /** Plain names only: anything else would need escaping in a route, and the app has no reason to use it. */
    private static final Pattern SERVABLE = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*");

    private ClasspathFolder() {
    }

    /** Relative path ({@code app/main.js}) → file. Empty when the folder has no {@code index.html}. */
    static Map<String, SiteFile> read(ClassLoader loader, String root) {
        String folder = root.replaceAll("^/+|/+$", "");
        Map<String, SiteFile> files = new LinkedHashMap<>();
        try {
            Enumeration<URL> indexes = loader.getResources(folder + "/index.html");
            if (indexes.hasMoreElements()) {
                URL index = indexes.nextElement();
                switch (index.getProtocol()) {
                    case "file" -> readDirectory(Path.of(index.toURI()).getParent(), files);
                    case "jar" -> readJar((JarURLConnection) index.openConnection(), folder + "/", files);
                    default -> throw new IllegalStateException("cannot list web app files in " + index);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the web app from classpath folder '" + folder + "'", e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }

    private static void readDirectory(Path dir, Map<String, SiteFile> files) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile).sorted()::iterator) {
                String name = dir.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
                add(name, Files.readAllBytes(path), files);
            }
        }
    }

    private static void readJar(JarURLConnection connection, String prefix, Map<String, SiteFile> files) throws IOException {
        // Not the cached JarFile: the loader may be using it, and closing a shared one would break it.
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            for (JarEntry entry : (Iterable<JarEntry>) jar.stream()::iterator) {
                if (!entry.isDirectory() && entry.getName().startsWith(prefix)) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        add(entry.getName().substring(prefix.length()), in.readAllBytes(), files);
                    }
                }
            }
        }
    }

    private static void add(String name, byte[] content, Map<String, SiteFile> files) {
        if (SERVABLE.matcher(name).matches()) {
            files.put(name, SiteFile.of(name, content));
        } else {
            LOG.warn("web app file '{}' is not served: only letters, digits, '.', '_' and '-' are allowed in names", name);
        }
    }
}
