package dev.tenancy.query.web;

import dev.tenancy.platform.security.Authentication;
import dev.tenancy.platform.web.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The console's pages fail as pages: no session means the sign-in page (which renews an expired session from its
 * refresh cookie and comes back), any other refusal an error page with the same reason the API would give.
 */
@ControllerAdvice(annotations = ConsolePage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ConsolePageAdvice {

    private static final Logger log = LoggerFactory.getLogger(ConsolePageAdvice.class);

    @ModelAttribute("viewer")
    Viewer viewer(HttpServletRequest request) {
        return Authentication.user(request).map(Viewer::of).orElse(null);
    }

    @ExceptionHandler(ApiProblem.class)
    String problem(ApiProblem problem, HttpServletRequest request, HttpServletResponse response, Model model) {
        if (problem.status() == HttpStatus.UNAUTHORIZED) {
            return "redirect:" + UriComponentsBuilder.fromPath("/signin")
                    .queryParam("next", SafeNext.of(pathAndQuery(request))).encode().build().toUriString();
        }
        if ("two-factor-required".equals(problem.code())) {
            // the one page such a person may open: where they set up their authenticator
            return "redirect:/dashboard/tenant/settings/security";
        }
        if (isAuthPage(request)) {
            // The organisation the address names is unknown or not this session's: sign in without its branding.
            model.addAttribute("notice", problem.getMessage());
            model.addAttribute("next", SafeNext.of(request.getParameter("next")));
            return request.getRequestURI().equals("/signup") ? "signup" : "signin";
        }
        response.setStatus(problem.status().value());
        model.addAttribute("status", problem.status().value());
        model.addAttribute("title", problem.title());
        model.addAttribute("detail", problem.getMessage());
        model.addAttribute("code", problem.code());
        model.addAttribute("errors", problem.properties().get("errors"));
        return "error-page";
    }

    @ExceptionHandler(Exception.class)
    String unexpected(Exception e, HttpServletResponse response, Model model) {
        log.error("Console page failed", e);
        response.setStatus(HttpStatus.INTERNAL_SERVER_ERROR.value());
        model.addAttribute("status", 500);
        model.addAttribute("title", "Something went wrong");
        model.addAttribute("detail", "The page could not be shown; the failure was logged. Try again shortly.");
        model.addAttribute("code", "internal-error");
        return "error-page";
    }

    private static boolean isAuthPage(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.equals("/signin") || path.equals("/signup");
    }

    private static String pathAndQuery(HttpServletRequest request) {
        return request.getQueryString() == null ? request.getRequestURI()
                : request.getRequestURI() + "?" + request.getQueryString();
    }
}
