package archfixture.bad.identity;

/** Breaks the onion and domain:identity: the domain reaches out to the application. */
public class Person {
    archfixture.bad.application.identity.port.in.Query query;
}
