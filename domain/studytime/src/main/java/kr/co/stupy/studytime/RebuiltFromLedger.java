package kr.co.stupy.studytime;

/**
 * A read model derived from the study ledger: a rebuild computes {@code T} from the ledger, compares
 * it with what is stored, and replaces what differs.
 *
 * @param <T> every total the read model holds, as one value that compares with {@code equals}
 */
public interface RebuiltFromLedger<T> {

    /** Every total as stored (totals taken back to nothing left out), for comparing with a rebuild from the ledger. */
    T all();

    /** Replaces every total with {@code rebuilt}: the rebuild. */
    void replaceAll(T rebuilt);
}
