package org.concord.response.pages;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.concord.common.Busy;
import org.concord.common.ConcordException;
import org.concord.common.ConcordException.Conflict;
import org.concord.common.ConcordException.Invalid;
import org.concord.common.Languages;
import org.concord.common.MalformedInput;
import org.concord.common.Plurals;
import org.concord.common.ProblemMappers;
import org.concord.panel.TokenService;
import org.concord.response.PanelistService;
import org.concord.response.PanelistService.InactiveLink;
import org.concord.response.PanelistService.NoRoundToAnswer;
import org.concord.response.PanelistViews.RoundPage;
import org.concord.response.PanelistViews.SaveRequest;
import org.concord.response.PanelistViews.SectionView;
import org.concord.response.PanelistViews.StudyInfo;
import org.concord.response.pages.PageViews.Chrome;
import org.concord.response.pages.PageViews.ClosedPage;
import org.concord.response.pages.PageViews.ErrorView;
import org.concord.response.pages.PageViews.InformationPage;
import org.concord.response.pages.PageViews.LanguageOption;
import org.concord.response.pages.PageViews.NoticePage;
import org.concord.response.pages.PageViews.ReviewPage;
import org.concord.response.pages.PageViews.SectionPage;
import org.concord.response.pages.PageViews.ThanksPage;
import org.concord.response.pages.PageViews.WelcomePage;
import org.concord.response.pages.PageViews.WithdrawPage;
import org.concord.response.pages.SectionForm.ParsedForm;
import org.concord.round.RoundState;
import org.concord.web.Markdown;
import org.hibernate.JDBCException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The panelist's pages behind the personal link. Every change goes through {@link PanelistService},
 * as the JSON API does; forms post, then redirect (Post/Redirect/Get), so a reload never sends an
 * answer twice and "saved" shows only after the service returned.
 *
 * <p>Cross-site posts: {@link PanelistPageFilters} refuses a post whose Origin is another site, and
 * each form carries a hidden HMAC of the link made with the server's secret ({@link
 * TokenService#formToken}). We chose the HMAC over a SameSite cookie because it needs no state and
 * no cookie, works in browsers that send no Origin, and survives several instances sharing the
 * secret.
 */
@Path("/p/{token}")
@RequestScoped
@PermitAll
@Produces(MediaType.TEXT_HTML)
public class PanelistPages {

  static final String FORM_TOKEN = "_form";

  /**
   * Where a section page's footer buttons lead once the section is saved: they post the section's
   * form with a {@code goto}, so that leaving by the footer without JavaScript loses nothing.
   */
  private static final Map<String, String> GOTO =
      Map.of("start", "", "review", "/review", "withdraw", "/withdraw");

  @CheckedTemplate(basePath = "panelist")
  static class Templates {
    static native TemplateInstance welcome(WelcomePage page);

    static native TemplateInstance section(SectionPage page);

    static native TemplateInstance review(ReviewPage page);

    static native TemplateInstance thanks(ThanksPage page);

    static native TemplateInstance closed(ClosedPage page);

    static native TemplateInstance notice(NoticePage page);

    static native TemplateInstance withdraw(WithdrawPage page);

    static native TemplateInstance information(InformationPage page);
  }

  @Inject PanelistService service;
  @Inject TokenService tokens;
  @Inject FeedbackFragments fragments;

  @PathParam("token")
  String token;

  @QueryParam("lang")
  String langParam;

  @Context HttpHeaders headers;

  @Context UriInfo uri;

  /** The language of this request's round page, once loaded; null before (or without) one. */
  private String pageLang;

  /** The pages the language switch may return to, within the link. */
  private static final Pattern RETURN_PATHS =
      Pattern.compile("|/sections/[0-9]{1,6}|/review|/thanks|/withdraw|/information");

  @GET
  public Response welcome(@QueryParam("saved") boolean saved) {
    return withPage(
        page -> ok(Templates.welcome(PageModels.welcome(chrome(page), page, List.of(), saved))));
  }

  /**
   * The welcome page's form posts to the page's own address, so that a page that comes back with a
   * message keeps the address of the welcome page.
   */
  @POST
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response start(MultivaluedMap<String, String> form) {
    return withForm(
        form,
        page -> {
          if (page.consentRequired()) {
            if (!"yes".equals(form.getFirst("consent"))) {
              List<ErrorView> errors = List.of(new ErrorView("consent", msg().consentMissing()));
              return page(
                  400, Templates.welcome(PageModels.welcome(chrome(page), page, errors, false)));
            }
            Response refused = save(new SaveRequest(true, null, null));
            if (refused != null) {
              return refused;
            }
          }
          return redirect("/sections/1", false);
        });
  }

  /** The welcome form's address before it posted to the page itself: pages still open use it. */
  @POST
  @Path("/start")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response startFromAnOlderPage(MultivaluedMap<String, String> form) {
    return start(form);
  }

  @GET
  @Path("/sections/{n}")
  public Response section(
      @PathParam("n") int n,
      @QueryParam("saved") boolean saved,
      @QueryParam("reasons") boolean reasons) {
    return withPage(
        page -> {
          if (n < 1 || n > page.sections().size()) {
            return notFound(page);
          }
          return ok(
              Templates.section(
                  PageModels.section(
                      fragments, chrome(page), page, n, null, Map.of(), saved, reasons)));
        });
  }

  @POST
  @Path("/sections/{n}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response saveSection(@PathParam("n") int n, MultivaluedMap<String, String> form) {
    return withForm(
        form,
        page -> {
          if (n < 1 || n > page.sections().size()) {
            return notFound(page);
          }
          SectionView section = page.sections().get(n - 1);
          ParsedForm parsed = SectionForm.parse(form, section, msg());
          Map<String, String> fieldErrors = parsed.fieldErrors();
          if (fieldErrors.isEmpty()) {
            try {
              service.save(token, parsed.request());
            } catch (Invalid e) {
              fieldErrors =
                  SectionForm.fieldErrors(e.problem().errors(), parsed, page.scale(), msg());
            } catch (ConcordException e) {
              return refused(e);
            }
          }
          if (!fieldErrors.isEmpty()) {
            return page(
                400,
                Templates.section(
                    PageModels.section(
                        fragments, chrome(page), page, n, form, fieldErrors, false, false)));
          }
          String leaveTo = GOTO.get(String.valueOf(form.getFirst("goto")));
          if (leaveTo != null) {
            return redirect(leaveTo, !"/withdraw".equals(leaveTo));
          }
          Optional<Long> reason = BandRule.firstAsked(form, section, page.scale());
          if (reason.isPresent()) {
            return redirect("/sections/" + n, true, "reasons=true", "reason-" + reason.get());
          }
          if ("back".equals(form.getFirst("action"))) {
            return redirect(n == 1 ? "" : "/sections/" + (n - 1), true);
          }
          return redirect(n == page.sections().size() ? "/review" : "/sections/" + (n + 1), true);
        });
  }

  @GET
  @Path("/review")
  public Response review(@QueryParam("saved") boolean saved) {
    return withPage(
        page -> ok(Templates.review(PageModels.review(chrome(page), page, List.of(), saved))));
  }

  /** The submit form posts to the review page's own address, as the welcome form does. */
  @POST
  @Path("/review")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response submit(MultivaluedMap<String, String> form) {
    return withForm(
        form,
        page -> {
          if (page.response().submittedAt() != null) {
            return redirect("/thanks", false);
          }
          if (page.consentRequired()) {
            if (!"yes".equals(form.getFirst("consent"))) {
              return reviewWith(page, "consent", msg().consentMissing());
            }
            Response refused = save(new SaveRequest(true, null, null));
            if (refused != null) {
              return refused;
            }
          }
          try {
            service.submit(token);
          } catch (Invalid e) {
            int missing = page.response().total() - page.response().answered();
            return reviewWith(
                page,
                "unanswered",
                msg().notAllAnswered(missing, Plurals.category(lang(), missing)));
          } catch (ConcordException e) {
            return refused(e);
          }
          return redirect("/thanks", false);
        });
  }

  /** The submit form's address before it posted to the review page: pages still open use it. */
  @POST
  @Path("/submit")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response submitFromAnOlderPage(MultivaluedMap<String, String> form) {
    return submit(form);
  }

  @GET
  @Path("/thanks")
  public Response thanks() {
    return withPage(
        page -> {
          if (page.response().submittedAt() == null) {
            return redirect("/review", false);
          }
          return ok(Templates.thanks(PageModels.thanks(chrome(page), page)));
        });
  }

  /**
   * The information sheet and the data-protection statement, with whom to contact: for any active
   * link, also when its round has closed or none is open, since a panelist may want to read what
   * they agreed to at any time.
   */
  @GET
  @Path("/information")
  public Response information() {
    StudyInfo info = activeLinkInfo();
    if (info == null) {
      return inactive(lang());
    }
    return ok(
        Templates.information(
            new InformationPage(
                chrome(info, null),
                Markdown.toHtml(info.informationSheet()),
                Markdown.toHtml(info.dataProtection()))));
  }

  /**
   * Who runs the link's study, in the page's language, for pages that need no open round; null for
   * a link that is not active.
   */
  private StudyInfo activeLinkInfo() {
    try {
      pageLang = service.language(token, langParam, accepted());
      return service.studyInfo(token, pageLang);
    } catch (InactiveLink e) {
      return null;
    }
  }

  @GET
  @Path("/withdraw")
  public Response withdrawForm() {
    StudyInfo info = activeLinkInfo();
    if (info == null) {
      return inactive(lang());
    }
    return ok(Templates.withdraw(new WithdrawPage(chrome(info, null))));
  }

  /**
   * The language switch: stores the panelist's choice, so that their pages (without {@code ?lang=})
   * and emails come in it from now on, and returns to the page it was chosen on. A post with the
   * form token, not a link, so that no prefetching or crawling can change it.
   */
  @POST
  @Path("/language")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response chooseLanguage(MultivaluedMap<String, String> form) {
    try {
      service.panelist(token);
    } catch (InactiveLink e) {
      return inactive(lang());
    }
    if (!tokens.isFormToken(token, form.getFirst(FORM_TOKEN))) {
      return forbidden(lang(), langQuery());
    }
    String language = form.getFirst("language");
    if (Languages.isSupported(language)) {
      service.chooseLanguage(token, language);
    }
    String back = form.getFirst("back");
    if (back == null || !RETURN_PATHS.matcher(back).matches()) {
      back = "";
    }
    return Response.seeOther(URI.create("/p/" + token + back)).build();
  }

  @POST
  @Path("/withdraw")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  public Response withdraw(MultivaluedMap<String, String> form) {
    StudyInfo info = activeLinkInfo();
    if (info == null) {
      return inactive(lang());
    }
    if (!tokens.isFormToken(token, form.getFirst(FORM_TOKEN))) {
      return forbidden(lang(), langQuery());
    }
    service.withdraw(token);
    PanelistMessages msg = msg();
    // The link is inactive from now on: the page names the study and its contact, without links.
    return studyNotice(200, info, msg.goodbyeHeading(), msg.goodbyeBody());
  }

  /** A forged or broken form body: a page that says so, nothing in the log. */
  @ServerExceptionMapper
  public Response malformedForm(MalformedInput e) {
    PanelistMessages msg = msg();
    return notice(400, lang(), langQuery(), msg.malformedFormHeading(), msg.malformedFormBody());
  }

  /**
   * A lock or a database connection not granted in time: a page that asks to try again, in the
   * panelist's language, instead of the API's problem.
   */
  @ServerExceptionMapper({
    PessimisticLockException.class,
    LockTimeoutException.class,
    JDBCException.class
  })
  public Response busy(PersistenceException e) {
    if (!Busy.is(e)) {
      return ProblemMappers.internalError(e);
    }
    PanelistMessages msg = msg();
    return Response.fromResponse(
            notice(503, lang(), langQuery(), msg.busyHeading(), msg.busyBody()))
        .header(HttpHeaders.RETRY_AFTER, ProblemMappers.RETRY_AFTER_SECONDS)
        .build();
  }

  // ---- shared steps ----

  private Response withPage(Function<RoundPage, Response> render) {
    RoundPage page;
    try {
      page = service.page(token, langParam, accepted());
    } catch (ConcordException e) {
      return refused(e);
    }
    pageLang = page.lang();
    if (page.state() != RoundState.OPEN) {
      return closed(page, 200);
    }
    return render.apply(page);
  }

  /** A post: the link must be active, the form must come from our page, the round open. */
  private Response withForm(
      MultivaluedMap<String, String> form, Function<RoundPage, Response> handle) {
    RoundPage page;
    try {
      page = service.page(token, langParam, accepted());
    } catch (ConcordException e) {
      return refused(e);
    }
    pageLang = page.lang();
    if (!tokens.isFormToken(token, form.getFirst(FORM_TOKEN))) {
      return forbidden(lang(), langQuery());
    }
    if (page.state() != RoundState.OPEN) {
      // The service keeps a late save for the team; the panelist learns the round closed.
      if (!page.sections().isEmpty()
          && form.keySet().stream().anyMatch(k -> k.startsWith("rating-"))) {
        try {
          service.save(token, SectionForm.parse(form, page.sections().get(0), msg()).request());
        } catch (ConcordException expected) {
          // a closed round refuses every save
        }
      }
      return closed(page, 409);
    }
    return handle.apply(page);
  }

  /** Saves, or answers with the page that says why not; null when it was saved. */
  private Response save(SaveRequest request) {
    try {
      service.save(token, request);
      return null;
    } catch (ConcordException e) {
      return refused(e);
    }
  }

  private Response reviewWith(RoundPage page, String field, String message) {
    return page(
        400,
        Templates.review(
            PageModels.review(chrome(page), page, List.of(new ErrorView(field, message)), false)));
  }

  /** The page for a refusal of the service: inactive link, no round, or a round that closed. */
  private Response refused(ConcordException e) {
    if (e instanceof NoRoundToAnswer) {
      PanelistMessages msg = msg();
      try {
        return studyNotice(
            404, service.studyInfo(token, lang()), msg.noRoundHeading(), msg.noRoundBody());
      } catch (InactiveLink withdrawnMeanwhile) {
        return inactive(lang());
      }
    }
    // A round that closed under the panelist (TooLate), or a submission another tab made first.
    if (e instanceof Conflict) {
      try {
        RoundPage page = service.page(token, langParam, accepted());
        pageLang = page.lang();
        return closed(page, 409);
      } catch (ConcordException gone) {
        return inactive(lang());
      }
    }
    return inactive(lang());
  }

  /** The same page, byte for byte, for an unknown, revoked or withdrawn link. */
  private Response inactive(String lang) {
    PanelistMessages msg = messages(lang);
    return notice(404, lang, langQuery(), msg.inactiveHeading(), msg.inactiveBody());
  }

  static Response forbidden(String lang, String langQuery) {
    PanelistMessages msg = messages(lang);
    return notice(403, lang, langQuery, msg.forbiddenHeading(), msg.forbiddenBody());
  }

  /** A page with a heading and a sentence, outside any round: no study name, no navigation. */
  private static Response notice(
      int status, String lang, String langQuery, String heading, String body) {
    return render(
        status,
        Templates.notice(
            new NoticePage(
                new Chrome(lang, null, langQuery, null, null, null), heading, body, false)),
        lang);
  }

  /**
   * A page with a heading and a sentence for an active link outside a round: it names the study and
   * whom to contact, with no links back to pages that would lead here again.
   */
  private Response studyNotice(int status, StudyInfo info, String heading, String body) {
    return page(
        status,
        Templates.notice(
            new NoticePage(
                new Chrome(lang(), null, langQuery(), info.title(), null, info),
                heading,
                body,
                false)));
  }

  private Response notFound(RoundPage page) {
    PanelistMessages msg = msg();
    return page(
        404,
        Templates.notice(
            new NoticePage(chrome(page), msg.notFoundHeading(), msg.notFoundBody(), true)));
  }

  private Response closed(RoundPage page, int status) {
    return page(status, Templates.closed(PageModels.closed(chrome(page), page)));
  }

  private Chrome chrome(RoundPage page) {
    String lang = lang();
    return chrome(page.studyInfo(), lang.equals(page.studyLang()) ? null : page.studyLang());
  }

  /**
   * The chrome of a page within the link: the study's name and details, the language switch. {@code
   * studyLang} is the language of the study's name when it is not the page's, else null.
   */
  private Chrome chrome(StudyInfo info, String studyLang) {
    String lang = lang();
    List<LanguageOption> languages =
        Languages.supported().stream()
            .map(t -> new LanguageOption(t, messages(t).languageName(), t.equals(lang)))
            .toList();
    return new Chrome(
        lang,
        "/p/" + token,
        langQuery(),
        info.title(),
        tokens.formToken(token),
        info,
        studyLang,
        here(),
        languages);
  }

  /** The page within the link that this request shows ("", "/sections/2", "/review" …). */
  private String here() {
    String path = uri.getPath();
    String base = "/p/" + token;
    String rest = path.startsWith(base) ? path.substring(base.length()) : "";
    if (rest.equals("/start")) {
      return "";
    }
    if (rest.equals("/submit")) {
      return "/review";
    }
    return RETURN_PATHS.matcher(rest).matches() ? rest : "";
  }

  private Response redirect(String path, boolean saved) {
    return redirect(path, saved, null, null);
  }

  /** A 303 to a page of the link, keeping the language; {@code fragment} names a field on it. */
  private Response redirect(String path, boolean saved, String extra, String fragment) {
    String query = saved ? "?saved=true" : "";
    if (extra != null) {
      query = query.isEmpty() ? "?" + extra : query + "&" + extra;
    }
    if (!langQuery().isEmpty()) {
      query = query.isEmpty() ? langQuery() : query + "&" + langQuery().substring(1);
    }
    String target = "/p/" + token + path + query + (fragment == null ? "" : "#" + fragment);
    return Response.seeOther(URI.create(target)).build();
  }

  private Response ok(TemplateInstance page) {
    return page(200, page);
  }

  private Response page(int status, TemplateInstance page) {
    return render(status, page, lang());
  }

  private static Response render(int status, TemplateInstance page, String lang) {
    return Response.status(status)
        .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
        .entity(page.setLocale(Locale.forLanguageTag(lang)).render())
        .build();
  }

  /**
   * The page's language: the round page's, chosen by {@link Languages#choose} (address, the
   * panelist's stored language, browser, study); where no panelist is known (an inactive link) the
   * address, else the browser's Accept-Language, else English.
   */
  private String lang() {
    return pageLang != null ? pageLang : language(langParam, headers);
  }

  private List<Locale> accepted() {
    return headers == null ? List.of() : headers.getAcceptableLanguages();
  }

  static String language(String param, HttpHeaders headers) {
    return Languages.choose(
        param, null, headers == null ? List.of() : headers.getAcceptableLanguages(), null);
  }

  /** Keeps a language chosen in the address on the links and forms of the next page. */
  private String langQuery() {
    return Languages.isSupported(langParam) ? "?lang=" + langParam : "";
  }

  private PanelistMessages msg() {
    return messages(lang());
  }

  static PanelistMessages messages(String lang) {
    return Languages.isSupported(lang) && !Languages.DEFAULT.equals(lang)
        ? MessageBundles.get(PanelistMessages.class, Localized.Literal.of(lang))
        : MessageBundles.get(PanelistMessages.class);
  }
}
