package kr.co.stupy.adapter.oauth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import kr.co.stupy.application.identity.port.out.ProviderProfile;
import kr.co.stupy.application.identity.port.out.ProviderUnavailable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The documented answers of Kakao's /v2/user/me and Naver's /v1/nid/me, as they come. */
class ProfileMappingTest {

    static final String KAKAO_FULL = """
            {"id":3141592653,"connected_at":"2026-11-20T01:45:28Z",
             "properties":{"nickname":"옛닉네임","profile_image":"https://k.kakaocdn.net/dn/old/img_640x640.jpg"},
             "kakao_account":{"profile_nickname_needs_agreement":false,"profile_image_needs_agreement":false,
               "profile":{"nickname":"김공부","thumbnail_image_url":"https://k.kakaocdn.net/dn/abc/img_110x110.jpg",
                 "profile_image_url":"https://k.kakaocdn.net/dn/abc/img_640x640.jpg","is_default_image":false,
                 "is_default_nickname":false},
               "has_email":true,"email_needs_agreement":false,"is_email_valid":true,"is_email_verified":true,
               "email":"gongbu@kakao.com"}}
            """;

    static final String NAVER_FULL = """
            {"resultcode":"00","message":"success",
             "response":{"id":"32742776","nickname":"공부왕","name":"이공부","email":"gongbu@naver.com","gender":"F",
               "age":"20-29","birthday":"10-01","profile_image":"https://ssl.pstatic.net/static/pwe/address/img_profile.png",
               "birthyear":"2000","mobile":"010-0000-0000"}}
            """;

    @Test
    void kakaoWithEverythingAgreedTo() {
        assertEquals(new ProviderProfile("3141592653", Optional.of("김공부"), Optional.of("gongbu@kakao.com"),
                Optional.of("https://k.kakaocdn.net/dn/abc/img_640x640.jpg")), ProfileMapping.kakao(KAKAO_FULL));
    }

    @Test
    void kakaoWithTheNicknameOnly() {
        String body = """
                {"id":42,"connected_at":"2026-11-20T01:45:28Z",
                 "kakao_account":{"profile_nickname_needs_agreement":false,"profile":{"nickname":"공부"},
                   "email_needs_agreement":true}}
                """;
        assertEquals(new ProviderProfile("42", Optional.of("공부"), Optional.empty(), Optional.empty()), ProfileMapping.kakao(body));
    }

    @Test
    void kakaoFallsBackToTheOlderPropertiesBlock() {
        String body = """
                {"id":43,"properties":{"nickname":"옛날","profile_image":"https://k.kakaocdn.net/dn/x.jpg"},"kakao_account":{}}
                """;
        assertEquals(new ProviderProfile("43", Optional.of("옛날"), Optional.empty(), Optional.of("https://k.kakaocdn.net/dn/x.jpg")),
                ProfileMapping.kakao(body));
    }

    @Test
    void anEmailKakaoDoesNotVouchForIsLeftOut() {
        String unverified = KAKAO_FULL.replace("\"is_email_verified\":true", "\"is_email_verified\":false");
        String invalid = KAKAO_FULL.replace("\"is_email_valid\":true", "\"is_email_valid\":false");
        assertEquals(Optional.empty(), ProfileMapping.kakao(unverified).email());
        assertEquals(Optional.empty(), ProfileMapping.kakao(invalid).email());
    }

    @Test
    void naverWithEverythingAgreedTo() {
        assertEquals(new ProviderProfile("32742776", Optional.of("공부왕"), Optional.of("gongbu@naver.com"),
                Optional.of("https://ssl.pstatic.net/static/pwe/address/img_profile.png")), ProfileMapping.naver(NAVER_FULL));
    }

    @Test
    void naverWithoutNicknameUsesTheNameAndMayLackTheEmail() {
        String body = """
                {"resultcode":"00","message":"success","response":{"id":"dGhpc2lzYW5hdmVyaWQtMTIzNDU2Nzg5MA","name":"이공부"}}
                """;
        assertEquals(new ProviderProfile("dGhpc2lzYW5hdmVyaWQtMTIzNDU2Nzg5MA", Optional.of("이공부"), Optional.empty(),
                Optional.empty()), ProfileMapping.naver(body));
    }

    @Test
    void naverReportingAnErrorIsAFailure() {
        String body = """
                {"resultcode":"024","message":"Authentication failed (인증 실패하였습니다.)"}
                """;
        ProviderUnavailable failure = assertThrows(ProviderUnavailable.class, () -> ProfileMapping.naver(body));
        assertEquals("naver profile answered resultcode 024", failure.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "<html>502 Bad Gateway</html>", "[1,2]", "null", "{\"id\":", "{}", "{\"id\":null}",
            "{\"id\":\"\"}", "{\"id\":{\"x\":1}}", "{\"id\":1.5}"})
    void kakaoAnswersWithoutAUsableIdAreFailures(String body) {
        assertThrows(ProviderUnavailable.class, () -> ProfileMapping.kakao(body));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "{\"resultcode\":\"00\"}", "{\"resultcode\":\"00\",\"response\":{}}",
            "{\"resultcode\":\"00\",\"response\":{\"id\":12}}", "{\"response\":{\"id\":\"1\"}}"})
    void naverAnswersWithoutAUsableIdAreFailures(String body) {
        assertThrows(ProviderUnavailable.class, () -> ProfileMapping.naver(body));
    }

    @Test
    void failureMessagesNeverQuoteTheBody() {
        String secretish = "{\"resultcode\":\"access_token=SECRET-TOKEN-VALUE-THAT-IS-LONG-AND-SENSITIVE\"}";
        String message = assertThrows(ProviderUnavailable.class, () -> ProfileMapping.naver(secretish)).getMessage();
        assertFalse(message.contains("SECRET"), message);
    }
}
