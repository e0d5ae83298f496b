package dev.tenancy.query.web;

import io.swagger.v3.oas.annotations.Hidden;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The bare address opens the console. */
@Controller
@Hidden
public class HomeRedirect {

    @GetMapping("/")
    public String home() {
        return "redirect:/dashboard";
    }
}
