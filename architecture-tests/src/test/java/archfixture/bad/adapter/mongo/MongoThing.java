package archfixture.bad.adapter.mongo;

public class MongoThing {
}
