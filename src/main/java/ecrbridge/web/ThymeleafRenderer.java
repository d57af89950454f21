package ecrbridge.web;

import io.javalin.http.Context;
import io.javalin.rendering.FileRenderer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.web.servlet.IServletWebExchange;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;

/**
 * Renders the templates packaged from {@code templates/} with one Thymeleaf engine. Template
 * names have no suffix ({@code resource/show}), as in fragment references. Each page is
 * rendered in a web context so that link expressions ({@code @{/workspaces/{ws}(ws=...)}})
 * build and encode URLs.
 */
public final class ThymeleafRenderer implements FileRenderer {

  private final TemplateEngine engine = new TemplateEngine();

  public ThymeleafRenderer() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
    resolver.setCacheable(true);
    engine.setTemplateResolver(resolver);
  }

  @Override
  public String render(String template, Map<String, ?> model, Context ctx) {
    IServletWebExchange exchange = JakartaServletWebApplication
        .buildApplication(ctx.req().getServletContext())
        .buildExchange(ctx.req(), ctx.res());
    WebContext variables = new WebContext(exchange, Locale.ENGLISH);
    variables.setVariables(new HashMap<String, Object>(model));
    return engine.process(template, variables);
  }
}
