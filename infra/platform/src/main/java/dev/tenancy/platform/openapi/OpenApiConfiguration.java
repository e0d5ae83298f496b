package dev.tenancy.platform.openapi;

import dev.tenancy.platform.web.ProblemTypes;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;
import java.util.TreeMap;

/** The service's OpenAPI description: bearer auth, the problem+json schema and the list of problem types. */
@Configuration(proxyBeanMethods = false)
public class OpenApiConfiguration {

    @Bean
    public OpenAPI tenancyOpenApi(@Value("${spring.application.name}") String serviceName) {
        StringBuilder problems = new StringBuilder("Errors are RFC 9457 problem+json with `type` /problems/{code} "
                + "and the same `code` member. Problem types:\n");
        new TreeMap<>(ProblemTypes.all()).forEach((code, meaning) ->
                problems.append("\n- `").append(code).append("`: ").append(meaning));
        ObjectSchema problem = new ObjectSchema();
        problem.addProperty("type", new StringSchema().example("/problems/validation-failed"));
        problem.addProperty("title", new StringSchema());
        problem.addProperty("status", new IntegerSchema());
        problem.addProperty("detail", new StringSchema());
        problem.addProperty("instance", new StringSchema());
        problem.addProperty("code", new StringSchema()._enum(ProblemTypes.all().keySet().stream().sorted().toList()));
        problem.addProperty("correlationId", new StringSchema());
        problem.addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(new ObjectSchema()
                .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
        return new OpenAPI()
                .info(new Info().title("Tenancy Platform: " + serviceName).version("v1")
                        .description(problems.toString()))
                .components(new Components()
                        .addSchemas("Problem", problem)
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .extensions(Map.of("x-problem-types", new TreeMap<>(ProblemTypes.all())));
    }
}
