package kr.co.stupy.bootstrap.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import kr.co.stupy.application.image.AbstractImageStoreContract;
import kr.co.stupy.application.image.ImageStore;

class FileSystemImageStoreTest extends AbstractImageStoreContract {
    @Override
    protected ImageStore createStore() {
        try {
            return new FileSystemImageStore(Files.createTempDirectory("stupy-images"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
