package kr.co.stupy.application.image;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ImageStore} in memory, for tests. */
public final class InMemoryImageStore implements ImageStore {

    private final Map<String, StoredImage> images = new ConcurrentHashMap<>();

    @Override
    public String store(ImageUpload image) {
        String key = ImageKeys.newKey(image.format());
        images.put(key, new StoredImage(image.bytes().clone(), image.format()));
        return key;
    }

    @Override
    public Optional<StoredImage> load(String key) {
        return Optional.ofNullable(key).map(images::get);
    }

    @Override
    public boolean contains(String key) {
        return key != null && images.containsKey(key);
    }

    @Override
    public void delete(String key) {
        if (key != null) {
            images.remove(key);
        }
    }

    public int size() {
        return images.size();
    }
}
