package kr.co.stupy.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;

/** Small helpers for reading the driver's failures. */
public final class MongoErrors {

    private MongoErrors() {
    }

    public static boolean isDuplicateKey(RuntimeException e) {
        return e instanceof MongoWriteException write
                && ErrorCategory.fromErrorCode(write.getError().getCode()) == ErrorCategory.DUPLICATE_KEY;
    }
}
