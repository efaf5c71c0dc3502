package archfixture.bad.adapter.oauth;

public class OAuthThing {
}
