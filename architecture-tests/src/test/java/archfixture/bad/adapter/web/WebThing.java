package archfixture.bad.adapter.web;

/** Breaks the onion (adapters depend on each other) and adaptersUsePortsNotServices. */
public class WebThing {
    archfixture.bad.adapter.mongo.MongoThing mongo;
    archfixture.bad.application.identity.service.IdentityService service;
}
