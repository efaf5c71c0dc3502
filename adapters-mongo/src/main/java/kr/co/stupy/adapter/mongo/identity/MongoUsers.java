package kr.co.stupy.adapter.mongo.identity;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kr.co.stupy.adapter.mongo.MongoErrors;
import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.ProfileEdit;
import kr.co.stupy.identity.User;
import kr.co.stupy.identity.Users;
import kr.co.stupy.shared.UserId;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Users in {@code users}, and one document per linked account in {@code user_accounts} whose
 * {@code _id} is the account key. That {@code _id} is what makes "one user per account" hold under
 * parallel first logins without a transaction: the user document is written first, then the
 * account is claimed; a caller that loses the claim removes its own user document again.
 *
 * <p>A profile change is a {@code $set} of its own fields only (the picture's conditional on the
 * picture still being the one the caller saw), never a replacement of the whole document, so
 * changes that race do not undo each other.
 */
public final class MongoUsers implements Users {

    private static final int MAX_CLAIM_ATTEMPTS = 5;
    private static final FindOneAndUpdateOptions AFTER = new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER);

    private final MongoCollection<Document> users;
    private final MongoCollection<Document> accounts;

    public MongoUsers(MongoDatabase database) {
        this.users = database.getCollection("users");
        this.accounts = database.getCollection("user_accounts");
        accounts.createIndex(Indexes.ascending("userId"), new IndexOptions().name("by_user"));
    }

    @Override
    public Optional<User> byId(UserId id) {
        return Optional.ofNullable(users.find(eq("_id", id.value())).first()).map(UserMapper::toUser);
    }

    @Override
    public Map<UserId, User> byIds(Collection<UserId> ids) {
        Map<UserId, User> found = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        users.find(in("_id", ids.stream().map(UserId::value).distinct().toList()))
                .forEach(doc -> {
                    User user = UserMapper.toUser(doc);
                    found.put(user.id(), user);
                });
        return found;
    }

    @Override
    public Optional<User> byAccount(LinkedAccount account) {
        return ownerOf(account).flatMap(this::byId);
    }

    @Override
    public Registration registerIfAbsent(User candidate) {
        LinkedAccount account = candidate.accounts().getFirst();
        Optional<User> existing = byAccount(account);
        if (existing.isPresent()) {
            return new Registration(existing.get(), false);
        }
        users.insertOne(UserMapper.toDocument(candidate));
        for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
            if (claim(account, candidate.id())) {
                return new Registration(candidate, true);
            }
            Optional<UserId> owner = ownerOf(account);
            Optional<User> winner = owner.flatMap(this::byId);
            if (winner.isPresent()) {
                users.deleteOne(eq("_id", candidate.id().value()));
                return new Registration(winner.get(), false);
            }
            // The claim points at a user that no longer exists (a deletion stopped half way): take it over.
            if (owner.isPresent() && accounts.replaceOne(
                    and(eq("_id", account.key()), eq("userId", owner.get().value())),
                    new Document("userId", candidate.id().value())).getModifiedCount() == 1) {
                return new Registration(candidate, true);
            }
        }
        users.deleteOne(eq("_id", candidate.id().value()));
        throw new IllegalStateException("could not settle who owns account " + account.provider().key());
    }

    @Override
    public Optional<User> edit(UserId id, ProfileEdit edit) {
        List<Bson> changes = new ArrayList<>();
        edit.nickname().ifPresent(nickname -> changes.add(Updates.set("nickname", nickname.value())));
        edit.email().ifPresent(email -> changes.add(Updates.set("email", email.value())));
        if (edit.clearEmail()) {
            changes.add(Updates.set("email", null));
        }
        if (changes.isEmpty()) {
            return byId(id);
        }
        return Optional.ofNullable(users.findOneAndUpdate(eq("_id", id.value()), Updates.combine(changes), AFTER))
                .map(UserMapper::toUser);
    }

    @Override
    public Optional<User> replaceProfileImage(UserId id, Optional<String> expected, Optional<String> replacement) {
        // eq(field, null) also matches a document without the field: "no picture" either way.
        Bson stillExpected = and(eq("_id", id.value()), eq("profileImage", expected.orElse(null)));
        return Optional.ofNullable(users.findOneAndUpdate(stillExpected,
                        Updates.set("profileImage", replacement.orElse(null)), AFTER))
                .map(UserMapper::toUser);
    }

    @Override
    public Optional<User> delete(UserId id) {
        // The user goes first, so its tokens stop working even if freeing the accounts fails.
        Optional<User> deleted = Optional.ofNullable(users.findOneAndDelete(eq("_id", id.value()))).map(UserMapper::toUser);
        accounts.deleteMany(eq("userId", id.value()));
        return deleted;
    }

    private boolean claim(LinkedAccount account, UserId userId) {
        try {
            accounts.insertOne(new Document("_id", account.key()).append("userId", userId.value()));
            return true;
        } catch (RuntimeException e) {
            if (MongoErrors.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
    }

    private Optional<UserId> ownerOf(LinkedAccount account) {
        return Optional.ofNullable(accounts.find(eq("_id", account.key())).first())
                .map(doc -> new UserId(doc.getString("userId")));
    }
}
