package kr.co.stupy.adapter.web.support;

/** Conditional requests against an entity tag. */
public final class EntityTags {

    private EntityTags() {
    }

    /** RFC 9110 §13.1.2: {@code *} or any listed tag, compared weakly (a {@code W/} prefix is ignored). */
    public static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
