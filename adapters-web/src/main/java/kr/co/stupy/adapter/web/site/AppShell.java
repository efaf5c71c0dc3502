package kr.co.stupy.adapter.web.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.Collectors;

/**
 * The app shell that the service worker ({@code sw.js}) keeps for offline use: every file of the site
 * but the worker itself, the page as {@code /}, and a version that is a hash over all of them,
 * worker included. Any changed file thus changes the version, the worker's bytes change with it, and
 * browsers install the new worker on their next check: nobody has to remember to bump a number.
 */
record AppShell(String version, List<String> paths) {

    static final String WORKER = "sw.js";
    static final String INDEX = "index.html";
    /** In {@code sw.js} as written: a string for the version and a comment inside the files' empty array. */
    static final String VERSION_PLACEHOLDER = "'@@SHELL_VERSION@@'";
    static final String FILES_PLACEHOLDER = "/*@@SHELL_FILES@@*/";

    AppShell {
        paths = List.copyOf(paths);
    }

    /** The shell of the site's {@code files} (relative path → file), as read at start. */
    static AppShell of(SortedMap<String, SiteFile> files) {
        MessageDigest digest = sha256();
        List<String> paths = new ArrayList<>();
        if (files.containsKey(INDEX)) {
            paths.add("/");
        }
        files.forEach((name, file) -> {
            digest.update((name + '\n' + file.etag() + '\n').getBytes(StandardCharsets.UTF_8));
            if (!name.equals(WORKER) && !name.equals(INDEX)) {
                paths.add("/" + name);
            }
        });
        String version = Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest.digest(), 12));
        return new AppShell(version, paths);
    }

    /** Whether {@code worker} has both placeholders this class fills in. */
    static boolean fillable(byte[] worker) {
        String source = new String(worker, StandardCharsets.UTF_8);
        return source.contains(VERSION_PLACEHOLDER) && source.contains(FILES_PLACEHOLDER);
    }

    /**
     * The worker's source with this version and these paths in its placeholders. The paths need no
     * escaping: the site serves only names of letters, digits, '.', '_', '-' and '/'.
     */
    byte[] fillIn(byte[] worker) {
        String files = paths.stream().map(path -> "'" + path + "'").collect(Collectors.joining(", "));
        return new String(worker, StandardCharsets.UTF_8)
                .replace(VERSION_PLACEHOLDER, "'" + version + "'")
                .replace(FILES_PLACEHOLDER, files)
                .getBytes(StandardCharsets.UTF_8);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
