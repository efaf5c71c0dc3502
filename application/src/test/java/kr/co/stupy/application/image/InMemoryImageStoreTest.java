package kr.co.stupy.application.image;

class InMemoryImageStoreTest extends AbstractImageStoreContract {
    @Override
    protected ImageStore createStore() {
        return new InMemoryImageStore();
    }
}
