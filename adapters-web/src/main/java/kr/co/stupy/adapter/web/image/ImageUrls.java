package kr.co.stupy.adapter.web.image;

/** Where a browser fetches a picture: our own under {@code /images/}, a provider's at its own https URL. */
public final class ImageUrls {

    public static final String PREFIX = "/images/";

    private ImageUrls() {
    }

    public static String of(String image) {
        return image.startsWith("https://") ? image : PREFIX + image;
    }
}
