package kr.co.stupy.adapter.mongo.identity;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import kr.co.stupy.identity.Email;
import kr.co.stupy.identity.LinkedAccount;
import kr.co.stupy.identity.Nickname;
import kr.co.stupy.identity.Provider;
import kr.co.stupy.identity.User;
import kr.co.stupy.shared.UserId;
import org.bson.Document;

/** {@link User} to and from its document in {@code users}. */
final class UserMapper {

    private UserMapper() {
    }

    static Document toDocument(User user) {
        return new Document("_id", user.id().value())
                .append("nickname", user.nickname().value())
                .append("email", user.email().map(Email::value).orElse(null))
                .append("profileImage", user.profileImage().orElse(null))
                .append("accounts", user.accounts().stream()
                        .map(a -> new Document("provider", a.provider().key()).append("accountId", a.accountId()))
                        .toList())
                .append("createdAt", Date.from(user.createdAt()));
    }

    static User toUser(Document doc) {
        List<LinkedAccount> accounts = doc.getList("accounts", Document.class).stream()
                .map(a -> new LinkedAccount(Provider.fromKey(a.getString("provider")).orElseThrow(),
                        a.getString("accountId")))
                .toList();
        return new User(new UserId(doc.getString("_id")), new Nickname(doc.getString("nickname")),
                Optional.ofNullable(doc.getString("email")).map(Email::new),
                Optional.ofNullable(doc.getString("profileImage")),
                accounts, doc.getDate("createdAt").toInstant());
    }
}
