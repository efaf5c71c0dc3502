package kr.co.stupy.bootstrap.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import kr.co.stupy.adapter.web.site.StaticSiteRoutes;
import kr.co.stupy.bootstrap.support.Api;
import kr.co.stupy.bootstrap.support.BrowserSession;
import kr.co.stupy.bootstrap.support.Chromium;
import kr.co.stupy.bootstrap.support.TestNode;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** {@code /api/docs} in a real browser: Swagger UI draws the document under the app's own CSP, from this node alone. */
class ApiDocsPageBrowserTest {

    @AutoClose
    static final TestNode node = TestNode.start();
    @AutoClose
    static final Chromium chromium = Chromium.launch();
    static final Api api = node.api();

    @Test
    void swaggerUiShowsTheDocumentUnderTheSitesPolicyWithoutATokenOrAnotherOrigin() {
        try (BrowserSession reader = chromium.open("api reader")) {
            List<String> requested = new CopyOnWriteArrayList<>();
            reader.page().onRequest((Request request) -> requested.add(request.url()));
            Response page = reader.navigate(api.base() + "/api/docs");
            assertEquals(200, page.status());
            assertEquals(StaticSiteRoutes.CONTENT_SECURITY_POLICY, page.headerValue("content-security-policy"));

            // Operations are drawn only once the bundle ran, our initializer ran and the document was fetched and read.
            reader.page().locator(".opblock-summary-path[data-path='/api/rooms/{id}/members']").first()
                    .waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.VISIBLE));
            assertTrue(reader.page().locator(".opblock").count() >= 40, "every operation is listed");
            assertTrue(reader.page().locator(".info .title").innerText().startsWith("Stupy"), reader.page().locator(".info .title").innerText());

            // Opening an operation draws its answers and schemas, the part that uses the most of the UI.
            reader.page().locator("#operations-rooms-joinRoom").click();
            reader.page().locator("#operations-rooms-joinRoom .responses-table").waitFor();
            reader.screenshot("api-docs");

            String origin = URI.create(api.base()).getAuthority();
            assertTrue(requested.stream().allMatch(url -> URI.create(url).getAuthority().equals(origin)),
                    "everything comes from this node: " + requested);
            assertTrue(requested.stream().anyMatch(url -> url.endsWith("/api/openapi.json")), requested.toString());
            reader.assertNoErrors();
        }
    }
}
