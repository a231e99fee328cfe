package dev.authgateway.perf.gatling;

/** The documents a frontend sends, as JSON bodies with Gatling EL placeholders for session values. */
final class GraphQl {

    static final String PROFILE = "{\"query\":\"query Profile { profile { id username email displayName createdAt } }\"}";

    static final String SIGNUP = "{\"query\":\"mutation Signup($i: SignupInput!) { signup(input: $i) "
            + "{ accessToken user { id } } }\",\"variables\":{\"i\":{\"username\":\"#{username}\","
            + "\"email\":\"#{username}@perf.example\",\"password\":\"" + PerfSettings.PASSWORD + "\","
            + "\"displayName\":\"Perf #{username}\"}}}";

    static final String LOGIN = "{\"query\":\"mutation Login($i: LoginInput!) { login(input: $i) { accessToken } }\","
            + "\"variables\":{\"i\":{\"login\":\"#{username}\",\"password\":\"" + PerfSettings.PASSWORD + "\"}}}";

    static final String UPDATE_PROFILE = "{\"query\":\"mutation Update($i: UpdateProfileInput!) { updateProfile(input: $i) "
            + "{ displayName } }\",\"variables\":{\"i\":{\"displayName\":\"Renamed #{username}\"}}}";

    private GraphQl() {
    }
}
