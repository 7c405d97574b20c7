package org.planbridge.platform.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * The paths the SDKs build that are not quite the API's: the JS SDK posts messages to {@code <base>//message}, and
 * a base URL with a trailing slash doubles every slash after it; the .NET SDK writes {@code /taskContainer} and
 * {@code /taskFilterValue} with a leading slash, which resolves from the server's root, outside {@code /api}. Such a
 * request is forwarded, inside the server, to the API path it means: repeated slashes as one, those two routes
 * under {@code /api}; its user routes are {@code api/Administration/Users/...} relative to a base that already ends in
 * {@code /api}, so they arrive as {@code /api/api/Administration/...} and go to {@code /api/Administration/...}.
 * Everything else passes untouched.
 */
@WebFilter(urlPatterns = "/*")
public class SdkPaths extends HttpFilter {

  /** The .NET SDK's routes with a leading slash, lower case. */
  static final Set<String> ROOT_ROUTES = Set.of("taskcontainer", "taskfiltervalue");

  @Override
  protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    String meant = meant(path);
    if (meant == null) {
      chain.doFilter(request, response);
      return;
    }
    String query = request.getQueryString();
    request.getRequestDispatcher(query == null ? meant : meant + "?" + query).forward(request, response);
  }

  /** The .NET SDK's user routes relative to an {@code /api} base. */
  static final String DOUBLED_ADMINISTRATION = "/api/api/administration/";

  /** The API path a request path means, or null when it is meant as it is. */
  static String meant(String path) {
    String collapsed = path.replaceAll("/{2,}", "/");
    if (collapsed.regionMatches(true, 0, DOUBLED_ADMINISTRATION, 0, DOUBLED_ADMINISTRATION.length())) {
      return collapsed.substring("/api".length());
    }
    if (collapsed.startsWith("/api/")) {
      return collapsed.equals(path) ? null : collapsed;
    }
    String route = collapsed.startsWith("/") ? collapsed.substring(1) : collapsed;
    return ROOT_ROUTES.contains(route.toLowerCase(Locale.ROOT)) ? "/api/" + route : null;
  }
}
