package kr.co.stupy.application.identity.service;

/** A profile image is either a key of our image store or a provider's https URL; only keys are ours to delete. */
final class StoredImages {

    private StoredImages() {
    }

    static boolean isStoredKey(String image) {
        return !image.contains(":");
    }
}
