package kr.co.stupy.adapter.web.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell version: a hash over the whole site, so any change to any file, the worker's included, makes a new one. */
class AppShellTest {

    static final String WORKER = "const SHELL = {version: '@@SHELL_VERSION@@', files: [/*@@SHELL_FILES@@*/]};\n";

    static final Map<String, String> SITE = Map.of(
            "index.html", "<!doctype html><title>t</title>",
            "app/main.js", "console.log(1);",
            "app/styles.css", "body{}",
            "sw.js", WORKER);

    @TempDir
    Path temp;

    @Test
    void theSameFilesGiveTheSameVersionOnEveryStart() throws IOException {
        assertEquals(versionOf(SITE, "a"), versionOf(SITE, "b"));
    }

    @Test
    void changingAnyFileChangesTheVersion() throws IOException {
        String before = versionOf(SITE, "before");
        for (String name : SITE.keySet()) {
            Map<String, String> changed = new TreeMap<>(SITE);
            changed.put(name, SITE.get(name) + " ");
            assertNotEquals(before, versionOf(changed, "changed-" + name.replace('/', '-')), name);
        }
    }

    @Test
    void addingOrRenamingAFileChangesTheVersion() throws IOException {
        String before = versionOf(SITE, "before");
        Map<String, String> added = new TreeMap<>(SITE);
        added.put("app/icons/icon-192.png", "png");
        assertNotEquals(before, versionOf(added, "added"));

        Map<String, String> renamed = new TreeMap<>(SITE);
        renamed.put("app/app.js", renamed.remove("app/main.js"));
        assertNotEquals(before, versionOf(renamed, "renamed"));
    }

    @Test
    void theShellIsThePageAndEveryFileButTheWorker() {
        AppShell shell = AppShell.of(files(SITE));
        assertEquals(List.of("/", "/app/main.js", "/app/styles.css"), shell.paths());
    }

    @Test
    void theWorkerGetsTheVersionAndTheFilesInItsPlaceholders() {
        AppShell shell = new AppShell("v1_-x", List.of("/", "/app/main.js"));
        assertTrue(AppShell.fillable(WORKER.getBytes(StandardCharsets.UTF_8)));
        assertEquals("const SHELL = {version: 'v1_-x', files: ['/', '/app/main.js']};\n",
                new String(shell.fillIn(WORKER.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }

    @Test
    void aWorkerWithoutPlaceholdersIsServedAsItIs() {
        byte[] plain = "self.addEventListener('fetch', () => {});".getBytes(StandardCharsets.UTF_8);
        assertFalse(AppShell.fillable(plain));
        assertArrayEquals(plain, new AppShell("v", List.of("/")).fillIn(plain));
    }

    /** Starts the site routes on {@code site} written under a folder of its own, as a class loader finds it. */
    private String versionOf(Map<String, String> site, String folder) throws IOException {
        Path root = temp.resolve(folder);
        for (Map.Entry<String, String> file : site.entrySet()) {
            Path path = root.resolve("site").resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{root.toUri().toURL()}, null)) {
            StaticSiteRoutes routes = new StaticSiteRoutes(loader, "site");
            assertEquals(site.keySet(), routes.paths());
            return routes.shellVersion();
        }
    }

    private static SortedMap<String, SiteFile> files(Map<String, String> site) {
        SortedMap<String, SiteFile> files = new TreeMap<>();
        site.forEach((name, content) -> files.put(name, SiteFile.of(name, content.getBytes(StandardCharsets.UTF_8))));
        return files;
    }
}
