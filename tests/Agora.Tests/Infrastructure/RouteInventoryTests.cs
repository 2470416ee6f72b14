using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Agora.Web.Features.Conversations;
using Agora.Web.Features.Events;
using Agora.Web.Features.Learning;
using Agora.Web.Features.Maturity;
using Agora.Web.Features.Needs;
using Agora.Web.Features.News;
using Agora.Web.Features.Organizations;
using Agora.Web.Features.Processes;
using Agora.Web.Features.Proposals;
using Agora.Web.Features.ResultTracking;
using Agora.Web.Features.Surveys;
using Agora.Web.Features.Swot;
using Agora.Web.Infrastructure.Data;
using Agora.Web.Infrastructure.Demo;
using Agora.Web.Infrastructure.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Process = Agora.Web.Features.Processes.Process;

namespace Agora.Tests.Infrastructure;

/// <summary>
/// Every page handler and endpoint of the app, with who may use it and whether two-factor sign-in is required. The
/// table below is the inventory: a new route (or handler) without a line fails here, and so does a line whose route is
/// gone. Each route that needs a staff role or management rights is then tried by staff members without two-factor
/// (refused: sent to set it up, or not found; a POST changes nothing in the database) and with it (allowed).
/// </summary>
public sealed partial class RouteInventoryTests(AgoraFactory f) : IClassFixture<AgoraFactory>
{
    /// <summary>Who may use a route.</summary>
    public enum Who
    {
        /// <summary>Anyone, signed in or not (the page itself may show more to people with rights).</summary>
        Anyone,

        /// <summary>Any signed-in person (a page may still limit it to e.g. the author).</summary>
        SignedIn,

        /// <summary>Those who manage the process (its process administrators, by grant) or the organisation (its
        /// representatives), and site administrators, who need two-factor for it.</summary>
        Manager,

        /// <summary>Site administrators and moderators (the /admin shell).</summary>
        Staff,

        Administrator,

        /// <summary>Municipal officers and site administrators (in-person verification).</summary>
        Officer,
    }

    /// <summary>Whether two-factor sign-in is required.</summary>
    public enum TwoFactor
    {
        No,

        /// <summary>Always: the route needs a staff role.</summary>
        Yes,

        /// <summary>Of a site administrator acting by their role; of a process administrator acting by their grant only
        /// where the process asks for it (<c>Process.AdministratorsNeedTwoFactor</c>, ProcessTwoFactorTests); not of an
        /// organisation's representative.</summary>
        SiteAdministrator,
    }

    /// <summary>"METHOD route[?handler=Name]  Who  two-factor" — one line per page handler or endpoint. HEAD of a page
    /// goes to its GET handler and is not listed; "*" is an endpoint that takes any method.</summary>
    private static readonly string[] Inventory =
    [
        // Account: signing up, in and out, and one's own settings.
        "GET  /account/access-denied                                   Anyone         No",
        "GET  /account/confirm-email                                   Anyone         No",
        "GET  /account/confirm-email-change                            Anyone         No",
        "GET  /account/forgot-password                                 Anyone         No",
        "POST /account/forgot-password                                 Anyone         No",
        "GET  /account/login                                           Anyone         No",
        "POST /account/login                                           Anyone         No",
        "GET  /account/login-2fa                                       Anyone         No",
        "POST /account/login-2fa                                       Anyone         No",
        "GET  /account/login-recovery                                  Anyone         No",
        "POST /account/login-recovery                                  Anyone         No",
        "GET  /account/logout                                          Anyone         No",
        "POST /account/logout                                          Anyone         No",
        "GET  /account/register                                        Anyone         No",
        "POST /account/register                                        Anyone         No",
        "GET  /account/register-confirmation                           Anyone         No",
        "GET  /account/resend-confirmation                             Anyone         No",
        "POST /account/resend-confirmation                             Anyone         No",
        "GET  /account/reset-password                                  Anyone         No",
        "POST /account/reset-password                                  Anyone         No",
        "GET  /account/manage                                          SignedIn       No",
        "POST /account/manage                                          SignedIn       No",
        "GET  /account/manage/email                                    SignedIn       No",
        "POST /account/manage/email                                    SignedIn       No",
        "GET  /account/manage/following                                SignedIn       No",
        "GET  /account/manage/password                                 SignedIn       No",
        "POST /account/manage/password                                 SignedIn       No",
        "GET  /account/manage/personal-data                            SignedIn       No",
        "POST /account/manage/personal-data?handler=Delete             SignedIn       No",
        "POST /account/manage/personal-data?handler=Download           SignedIn       No",
        "GET  /account/manage/two-factor                               SignedIn       No",
        "POST /account/manage/two-factor?handler=Disable               SignedIn       No",
        "POST /account/manage/two-factor?handler=Enable                SignedIn       No",
        "POST /account/manage/two-factor?handler=RecoveryCodes         SignedIn       No",

        // The admin shell.
        "GET  /admin                                                   Staff          Yes",
        "GET  /admin/audit                                             Administrator  Yes",
        "GET  /admin/census                                            Administrator  Yes",
        "POST /admin/census?handler=Import                             Administrator  Yes",
        "POST /admin/census?handler=Requirement                        Administrator  Yes",
        "GET  /admin/learning                                          Administrator  Yes",
        "GET  /admin/learning/courses/{courseId:guid}/lessons/{id:guid?} Administrator Yes",
        "POST /admin/learning/courses/{courseId:guid}/lessons/{id:guid?} Administrator Yes",
        "GET  /admin/learning/courses/{id:guid?}                       Administrator  Yes",
        "POST /admin/learning/courses/{id:guid?}                       Administrator  Yes",
        "GET  /admin/learning/guides/{id:guid?}                        Administrator  Yes",
        "POST /admin/learning/guides/{id:guid?}                        Administrator  Yes",
        "GET  /admin/learning/lessons/{lessonId:guid}/questions/{id:guid?} Administrator Yes",
        "POST /admin/learning/lessons/{lessonId:guid}/questions/{id:guid?} Administrator Yes",
        "POST /admin/learning/lessons/{lessonId:guid}/questions/{id:guid?}?handler=Delete Administrator Yes",
        "GET  /admin/maturity                                          Administrator  Yes",
        "POST /admin/maturity?handler=Default                          Administrator  Yes",
        "GET  /admin/maturity/framework/{id:guid?}                     Administrator  Yes",
        "POST /admin/maturity/framework/{id:guid?}                     Administrator  Yes",
        "GET  /admin/moderation                                        Staff          Yes",
        "POST /admin/moderation?handler=Block                          Staff          Yes",
        "POST /admin/moderation?handler=Decide                         Staff          Yes",
        "GET  /admin/newsletters                                       Administrator  Yes",
        "GET  /admin/newsletters/edit/{id:guid?}                       Administrator  Yes",
        "POST /admin/newsletters/edit/{id:guid?}                       Administrator  Yes",
        "GET  /admin/newsletters/{id:guid}                             Administrator  Yes",
        "POST /admin/newsletters/{id:guid}?handler=Send                Administrator  Yes",
        "GET  /admin/organizations                                     Administrator  Yes",
        "POST /admin/organizations?handler=Approve                     Administrator  Yes",
        "POST /admin/organizations?handler=Decline                     Administrator  Yes",
        "GET  /admin/users                                             Administrator  Yes",
        "GET  /admin/users/{id:guid}                                   Administrator  Yes",
        "POST /admin/users/{id:guid}?handler=Block                     Administrator  Yes",
        "POST /admin/users/{id:guid}?handler=Role                      Administrator  Yes",
        "POST /admin/users/{id:guid}?handler=Unblock                   Administrator  Yes",

        // Verification of residents.
        "GET  /verification                                            SignedIn       No",
        "POST /verification                                            SignedIn       No",
        "GET  /verification/officer                                    Officer        Yes",
        "POST /verification/officer?handler=Revoke                     Officer        Yes",
        "POST /verification/officer?handler=Verify                     Officer        Yes",

        // Site pages.
        "GET  /                                                        Anyone         No",
        "GET  /about                                                   Anyone         No",
        "GET  /api                                                     Anyone         No",
        "GET  /open-data                                               Anyone         No",
        "GET  /search                                                  Anyone         No",
        "GET  /people/{id:guid}                                        Anyone         No",
        "GET  /{doc:regex(^(accessibility|privacy|terms)$)}            Anyone         No",
        "GET  /accessibility/feedback                                  Anyone         No",
        "POST /accessibility/feedback                                  Anyone         No",
        "GET  /error/{code:int?}                                       Anyone         No",
        "POST /error/{code:int?}                                       Anyone         No",
        "GET  /newsletter/confirm                                      Anyone         No",
        "POST /newsletter/confirm                                      Anyone         No",
        "GET  /newsletter/subscribe                                    Anyone         No",
        "POST /newsletter/subscribe                                    Anyone         No",
        "GET  /newsletter/unsubscribe                                  Anyone         No",
        "POST /newsletter/unsubscribe                                  Anyone         No",
        "GET  /notifications                                           SignedIn       No",
        "POST /notifications?handler=Open                              SignedIn       No",
        "POST /notifications?handler=Read                              SignedIn       No",
        "GET  /notifications/settings                                  SignedIn       No",
        "POST /notifications/settings                                  SignedIn       No",
        "GET  /report/{type}/{id:guid}                                 SignedIn       No",
        "POST /report/{type}/{id:guid}                                 SignedIn       No",
        "GET  /following/unsubscribe                                   Anyone         No",
        "POST /following/unsubscribe                                   Anyone         No",

        // Comments.
        "GET  /comments/new                                            SignedIn       No",
        "POST /comments/new                                            SignedIn       No",
        "GET  /comments/{id:guid}                                      Anyone         No",
        "POST /comments/{id:guid}?handler=Vote                         SignedIn       No",
        "GET  /comments/{id:guid}/edit                                 SignedIn       No",
        "POST /comments/{id:guid}/edit                                 SignedIn       No",
        "POST /comments/{id:guid}/edit?handler=Delete                  SignedIn       No",

        // Processes and their management.
        "GET  /processes                                               Anyone         No",
        "GET  /processes/new                                           Administrator  Yes",
        "POST /processes/new                                           Administrator  Yes",
        "GET  /processes/{slug}                                        Anyone         No",
        "GET  /processes/{slug}/manage                                 Manager        SiteAdministrator",
        "POST /processes/{slug}/manage?handler=AddAdministrator        Administrator  Yes",
        "POST /processes/{slug}/manage?handler=AddPhase                Manager        SiteAdministrator",
        "POST /processes/{slug}/manage?handler=CurrentPhase            Manager        SiteAdministrator",
        "POST /processes/{slug}/manage?handler=DeletePhase             Manager        SiteAdministrator",
        "POST /processes/{slug}/manage?handler=Details                 Manager        SiteAdministrator",
        "POST /processes/{slug}/manage?handler=Publish                 Administrator  Yes",
        "POST /processes/{slug}/manage?handler=RemoveAdministrator     Administrator  Yes",
        "POST /processes/{slug}/manage?handler=TwoFactor               Administrator  Yes",
        "GET  /processes/{slug}/manage/phases/{id:guid}                Manager        SiteAdministrator",
        "POST /processes/{slug}/manage/phases/{id:guid}                Manager        SiteAdministrator",
        "GET  /processes/{slug}/{verb:regex(^(follow|unfollow)$)}      SignedIn       No",
        "POST /processes/{slug}/{verb:regex(^(follow|unfollow)$)}      SignedIn       No",

        // Participatory budgets.
        "GET  /processes/{slug}/budgets                                Anyone         No",
        "POST /processes/{slug}/budgets                                Manager        SiteAdministrator",
        "GET  /processes/{slug}/budgets/{budgetId:guid}/projects/new   SignedIn       No",
        "POST /processes/{slug}/budgets/{budgetId:guid}/projects/new   SignedIn       No",
        "GET  /processes/{slug}/budgets/{budgetId:guid}/projects/{id:guid} Anyone     No",
        "POST /processes/{slug}/budgets/{budgetId:guid}/projects/{id:guid}?handler=Review Manager SiteAdministrator",
        "GET  /processes/{slug}/budgets/{budgetId:guid}/receipts       Anyone         No",
        "GET  /processes/{slug}/budgets/{id:guid}                      Anyone         No",
        "POST /processes/{slug}/budgets/{id:guid}?handler=Phase        Manager        SiteAdministrator",
        "POST /processes/{slug}/budgets/{id:guid}?handler=Vote         SignedIn       No",

        // Commitments.
        "GET  /processes/{slug}/commitments                            Anyone         No",
        "GET  /processes/{slug}/commitments/{id:guid}                  Anyone         No",
        "POST /processes/{slug}/commitments/{id:guid}?handler=Hide     Manager        SiteAdministrator",
        "POST /processes/{slug}/commitments/{id:guid}?handler=Update   SignedIn       No",
        "GET  /processes/{slug}/commitments/new                        SignedIn       No",
        "POST /processes/{slug}/commitments/new                        SignedIn       No",
        "GET  /processes/{slug}/commitments/{id:guid}/edit             SignedIn       No",
        "POST /processes/{slug}/commitments/{id:guid}/edit             SignedIn       No",

        // Conversations (Pol.is).
        "GET  /processes/{slug}/conversations                          Anyone         No",
        "POST /processes/{slug}/conversations?handler=Create           Manager        SiteAdministrator",
        "POST /processes/{slug}/conversations?handler=Import           Manager        SiteAdministrator",
        "GET  /processes/{slug}/conversations/{id:guid}                Anyone         No",
        "POST /processes/{slug}/conversations/{id:guid}?handler=Statement Anyone      No",
        "POST /processes/{slug}/conversations/{id:guid}?handler=Vote   Anyone         No",
        "GET  /processes/{slug}/conversations/{id:guid}/manage         Manager        SiteAdministrator",
        "POST /processes/{slug}/conversations/{id:guid}/manage?handler=Details Manager SiteAdministrator",
        "POST /processes/{slug}/conversations/{id:guid}/manage?handler=Meta Manager   SiteAdministrator",
        "POST /processes/{slug}/conversations/{id:guid}/manage?handler=Moderate Manager SiteAdministrator",
        "POST /processes/{slug}/conversations/{id:guid}/manage?handler=Recompute Manager SiteAdministrator",
        "POST /processes/{slug}/conversations/{id:guid}/manage?handler=Seed Manager   SiteAdministrator",
        "POST /processes/{slug}/conversations/{id:guid}/manage?handler=Settings Manager SiteAdministrator",
        "GET  /processes/{slug}/conversations/{id:guid}/results        Anyone         No",

        // Debates.
        "GET  /processes/{slug}/debates                                Anyone         No",
        "POST /processes/{slug}/debates                                SignedIn       No",
        "POST /processes/{slug}/debates?handler=Settings               Manager        SiteAdministrator",
        "GET  /processes/{slug}/debates/{id:guid}                      Anyone         No",
        "POST /processes/{slug}/debates/{id:guid}?handler=Close        Manager        SiteAdministrator",

        // Events.
        "GET  /events                                                  Anyone         No",
        "GET  /events/{id:guid}                                        Anyone         No",
        "POST /events/{id:guid}?handler=Cancel                         SignedIn       No",
        "POST /events/{id:guid}?handler=Publish                        Manager        SiteAdministrator",
        "POST /events/{id:guid}?handler=Register                       SignedIn       No",
        "POST /events/{id:guid}?handler=Unpublish                      Manager        SiteAdministrator",
        "GET  /events/new                                              Manager        SiteAdministrator",
        "POST /events/new                                              Manager        SiteAdministrator",
        "GET  /events/{id:guid}/edit                                   Manager        SiteAdministrator",
        "POST /events/{id:guid}/edit                                   Manager        SiteAdministrator",
        "GET  /events/{id:guid}/registrations/{handler?}               Manager        SiteAdministrator",
        "GET  /events/{id:guid}/registrations/{handler?}?handler=Csv   Manager        SiteAdministrator",
        "POST /events/{id:guid}/registrations/{handler?}?handler=Attendance Manager   SiteAdministrator",
        "GET  /events/{id:guid}/report/{handler?}                      Manager        SiteAdministrator",
        "POST /events/{id:guid}/report/{handler?}                      Manager        SiteAdministrator",
        "POST /events/{id:guid}/report/{handler?}?handler=DeleteDocument Manager      SiteAdministrator",
        "POST /events/{id:guid}/report/{handler?}?handler=Upload       Manager        SiteAdministrator",
        "GET  /processes/{slug}/events                                 Anyone         No",

        // The uploader of an import (census, Pol.is) and site administrators see its progress and result.
        "GET  /imports/{id:guid}                                       SignedIn       No",

        // Learning.
        "GET  /learn                                                   Anyone         No",
        "GET  /learn/certificates/{code?}                              Anyone         No",
        "GET  /learn/courses/{slug}                                    Anyone         No",
        "POST /learn/courses/{slug}                                    SignedIn       No",
        "GET  /learn/courses/{slug}/lessons/{n:int}                    Anyone         No",
        "POST /learn/courses/{slug}/lessons/{n:int}                    SignedIn       No",
        "GET  /learn/guides/{slug}                                     Anyone         No",
        "GET  /learn/my                                                SignedIn       No",
        "POST /learn/my?handler=Name                                   SignedIn       No",

        // Maturity assessments.
        "GET  /processes/{slug}/maturity                               Anyone         No",
        "GET  /processes/{slug}/maturity/edit/{id:guid?}               Manager        SiteAdministrator",
        "POST /processes/{slug}/maturity/edit/{id:guid?}               Manager        SiteAdministrator",
        "GET  /processes/{slug}/maturity/{round}                       Anyone         No",
        "GET  /processes/{slug}/maturity/{round}/assess                SignedIn       No",
        "POST /processes/{slug}/maturity/{round}/assess                SignedIn       No",
        "GET  /processes/{slug}/maturity/{round}/report                Anyone         No",

        // Needs.
        "GET  /processes/{slug}/needs                                  Anyone         No",
        "POST /processes/{slug}/needs?handler=Settings                 Manager        SiteAdministrator",
        "GET  /processes/{slug}/needs/edit/{id:guid?}                  Manager        SiteAdministrator",
        "POST /processes/{slug}/needs/edit/{id:guid?}                  Manager        SiteAdministrator",
        "GET  /processes/{slug}/needs/rank                             Anyone         No",
        "POST /processes/{slug}/needs/rank                             SignedIn       No",
        "GET  /processes/{slug}/needs/ranking                          Anyone         No",

        // News.
        "GET  /news                                                    Anyone         No",
        "GET  /news/new                                                Manager        SiteAdministrator",
        "POST /news/new                                                Manager        SiteAdministrator",
        "POST /news/new?handler=Publish                                Manager        SiteAdministrator",
        "POST /news/new?handler=Unpublish                              Manager        SiteAdministrator",
        "GET  /news/{slug}                                             Anyone         No",
        "GET  /news/{slug}/edit                                        Manager        SiteAdministrator",
        "POST /news/{slug}/edit                                        Manager        SiteAdministrator",
        "POST /news/{slug}/edit?handler=Publish                        Manager        SiteAdministrator",
        "POST /news/{slug}/edit?handler=Unpublish                      Manager        SiteAdministrator",
        "GET  /processes/{slug}/news                                   Anyone         No",

        // Organisations.
        "GET  /organizations                                           Anyone         No",
        "GET  /organizations/new                                       Administrator  Yes",
        "POST /organizations/new                                       Administrator  Yes",
        "GET  /organizations/{slug}                                    Anyone         No",
        "POST /organizations/{slug}?handler=Represent                  SignedIn       No",
        "GET  /organizations/{slug}/edit                               Manager        SiteAdministrator",
        "POST /organizations/{slug}/edit                               Manager        SiteAdministrator",
        "GET  /processes/{slug}/join                                   Anyone         No",
        "POST /processes/{slug}/join                                   Anyone         No",
        "GET  /processes/{slug}/join-requests                          Manager        SiteAdministrator",
        "POST /processes/{slug}/join-requests?handler=Accept           Manager        SiteAdministrator",
        "POST /processes/{slug}/join-requests?handler=Decline          Manager        SiteAdministrator",
        "GET  /processes/{slug}/organizations                          Anyone         No",

        // Proposals.
        "GET  /processes/{slug}/proposals                              Anyone         No",
        "GET  /processes/{slug}/proposals/new                          SignedIn       No",
        "POST /processes/{slug}/proposals/new                          SignedIn       No",
        "POST /processes/{slug}/proposals/new?handler=Similar          SignedIn       No",
        "GET  /processes/{slug}/proposals/settings                     Manager        SiteAdministrator",
        "POST /processes/{slug}/proposals/settings                     Manager        SiteAdministrator",
        "GET  /processes/{slug}/proposals/{id:guid}                    Anyone         No",
        "POST /processes/{slug}/proposals/{id:guid}?handler=Answer     Manager        SiteAdministrator",
        "POST /processes/{slug}/proposals/{id:guid}?handler=Follow     SignedIn       No",
        "POST /processes/{slug}/proposals/{id:guid}?handler=Support    SignedIn       No",
        "POST /processes/{slug}/proposals/{id:guid}?handler=Unsupport  SignedIn       No",
        "POST /processes/{slug}/proposals/{id:guid}?handler=Withdraw   SignedIn       No",
        "GET  /processes/{slug}/proposals/{id:guid}/edit               SignedIn       No",
        "POST /processes/{slug}/proposals/{id:guid}/edit               SignedIn       No",
        "GET  /processes/{slug}/proposals/{id:guid}/files/{fileId:guid} Anyone        No",

        // Results tracking.
        "GET  /results                                                 Anyone         No",
        "GET  /results/unsubscribe                                     Anyone         No",
        "POST /results/unsubscribe                                     Anyone         No",
        "GET  /results/{id:guid}                                       Anyone         No",
        "POST /results/{id:guid}?handler=Follow                        SignedIn       No",
        "POST /results/{id:guid}?handler=Milestone                     Manager        SiteAdministrator",
        "POST /results/{id:guid}?handler=Update                        Manager        SiteAdministrator",
        "GET  /results/{id:guid}/edit                                  Manager        SiteAdministrator",
        "GET  /processes/{slug}/results                                Anyone         No",
        "GET  /processes/{slug}/results/new                            Manager        SiteAdministrator",
        "POST /processes/{slug}/results/new                            Manager        SiteAdministrator",
        "POST /results/{id:guid}/edit                                  Manager        SiteAdministrator",

        // Surveys.
        "GET  /processes/{slug}/surveys                                Anyone         No",
        "POST /processes/{slug}/surveys                                Manager        SiteAdministrator",
        "GET  /processes/{slug}/surveys/{id:guid}                      Anyone         No",
        "POST /processes/{slug}/surveys/{id:guid}                      Anyone         No",
        "GET  /processes/{slug}/surveys/{id:guid}/build                Manager        SiteAdministrator",
        "POST /processes/{slug}/surveys/{id:guid}/build?handler=Close  Manager        SiteAdministrator",
        "POST /processes/{slug}/surveys/{id:guid}/build?handler=Delete Manager        SiteAdministrator",
        "POST /processes/{slug}/surveys/{id:guid}/build?handler=Invite Manager        SiteAdministrator",
        "POST /processes/{slug}/surveys/{id:guid}/build?handler=Move   Manager        SiteAdministrator",
        "POST /processes/{slug}/surveys/{id:guid}/build?handler=Publish Manager       SiteAdministrator",
        "POST /processes/{slug}/surveys/{id:guid}/build?handler=Question Manager      SiteAdministrator",
        "POST /processes/{slug}/surveys/{id:guid}/build?handler=Settings Manager      SiteAdministrator",
        "GET  /processes/{slug}/surveys/{id:guid}/results              Anyone         No",

        // SWOT workshops.
        "GET  /processes/{slug}/swot                                   Anyone         No",
        "POST /processes/{slug}/swot                                   Manager        SiteAdministrator",
        "GET  /processes/{slug}/swot/{id:guid}                         Anyone         No",
        "POST /processes/{slug}/swot/{id:guid}?handler=Add             SignedIn       No",
        "POST /processes/{slug}/swot/{id:guid}?handler=Vote            SignedIn       No",
        "GET  /processes/{slug}/swot/{id:guid}/manage                  Manager        SiteAdministrator",
        "POST /processes/{slug}/swot/{id:guid}/manage?handler=Close    Manager        SiteAdministrator",
        "POST /processes/{slug}/swot/{id:guid}/manage?handler=Edit     Manager        SiteAdministrator",
        "POST /processes/{slug}/swot/{id:guid}/manage?handler=Merge    Manager        SiteAdministrator",
        "POST /processes/{slug}/swot/{id:guid}/manage?handler=Reopen   Manager        SiteAdministrator",
        "GET  /processes/{slug}/swot/{id:guid}/summary                 Anyone         No",

        // Endpoints outside Razor Pages: feeds, calendars, exports, open data, health.
        "*    /health/live                                             Anyone         No",
        "*    /health/ready                                            Anyone         No",
        "GET  /robots.txt                                              Anyone         No",
        "GET  /sitemap.xml                                             Anyone         No",
        "GET  /search/suggest                                          Anyone         No",
        "GET  /news.atom                                               Anyone         No",
        "GET  /processes/{slug}/news.atom                              Anyone         No",
        "GET  /proposals.atom                                          Anyone         No",
        "GET  /answers.atom                                            Anyone         No",
        "GET  /processes/{slug}/proposals.atom                         Anyone         No",
        "GET  /processes/{slug}/answers.atom                           Anyone         No",
        "GET  /results.atom                                            Anyone         No",
        "GET  /results/{id:guid}.atom                                  Anyone         No",
        "GET  /events.ics                                              Anyone         No",
        "HEAD /events.ics                                              Anyone         No",
        "GET  /events/{id:guid}.ics                                    Anyone         No",
        "HEAD /events/{id:guid}.ics                                    Anyone         No",
        "GET  /processes/{slug}/events.ics                             Anyone         No",
        "HEAD /processes/{slug}/events.ics                             Anyone         No",
        "GET  /organizations/{slug}/events.ics                         Anyone         No",
        "HEAD /organizations/{slug}/events.ics                         Anyone         No",
        "GET  /events/{id:guid}/documents/{documentId:guid}            Anyone         No",
        "GET  /processes/{slug}/needs/ranking.json                     Anyone         No",
        "GET  /processes/{slug}/needs/ranking.csv                      Anyone         No",
        "GET  /processes/{slug}/maturity/{round}/report.json           Anyone         No",
        "GET  /processes/{slug}/maturity/{round}/report.csv            Anyone         No",
        "GET  /processes/{slug}/conversations/{id:guid}/export/{file}  Manager        SiteAdministrator",
        "GET  /processes/{slug}/surveys/{id:guid}/export.{format:regex(^(csv|json)$)} Manager SiteAdministrator",
        "GET  /open-data/catalog.ttl                                   Anyone         No",
        "HEAD /open-data/catalog.ttl                                   Anyone         No",
        "GET  /open-data/catalog.jsonld                                Anyone         No",
        "HEAD /open-data/catalog.jsonld                                Anyone         No",
        "GET  /open-data/{name}.{format}                               Anyone         No",
        "HEAD /open-data/{name}.{format}                               Anyone         No",
        "GET  /openapi/v1.json                                         Anyone         No",
        "HEAD /openapi/v1.json                                         Anyone         No",
        "*    /api/v1/{**rest}                                         Anyone         No",

        // The open-data API: read-only, anonymous, cookies ignored.
        "GET  /api/v1/budget-projects                                  Anyone         No",
        "HEAD /api/v1/budget-projects                                  Anyone         No",
        "GET  /api/v1/budget-projects/{id:guid}                        Anyone         No",
        "HEAD /api/v1/budget-projects/{id:guid}                        Anyone         No",
        "GET  /api/v1/budgets                                          Anyone         No",
        "HEAD /api/v1/budgets                                          Anyone         No",
        "GET  /api/v1/budgets/{id:guid}                                Anyone         No",
        "HEAD /api/v1/budgets/{id:guid}                                Anyone         No",
        "GET  /api/v1/comments                                         Anyone         No",
        "HEAD /api/v1/comments                                         Anyone         No",
        "GET  /api/v1/comments/{id:guid}                               Anyone         No",
        "HEAD /api/v1/comments/{id:guid}                               Anyone         No",
        "GET  /api/v1/commitments                                      Anyone         No",
        "HEAD /api/v1/commitments                                      Anyone         No",
        "GET  /api/v1/commitments/{id:guid}                            Anyone         No",
        "HEAD /api/v1/commitments/{id:guid}                            Anyone         No",
        "GET  /api/v1/courses                                          Anyone         No",
        "HEAD /api/v1/courses                                          Anyone         No",
        "GET  /api/v1/courses/{id:guid}                                Anyone         No",
        "HEAD /api/v1/courses/{id:guid}                                Anyone         No",
        "GET  /api/v1/debates                                          Anyone         No",
        "HEAD /api/v1/debates                                          Anyone         No",
        "GET  /api/v1/debates/{id:guid}                                Anyone         No",
        "HEAD /api/v1/debates/{id:guid}                                Anyone         No",
        "GET  /api/v1/events                                           Anyone         No",
        "HEAD /api/v1/events                                           Anyone         No",
        "GET  /api/v1/events/{id:guid}                                 Anyone         No",
        "HEAD /api/v1/events/{id:guid}                                 Anyone         No",
        "GET  /api/v1/guides                                           Anyone         No",
        "HEAD /api/v1/guides                                           Anyone         No",
        "GET  /api/v1/guides/{id:guid}                                 Anyone         No",
        "HEAD /api/v1/guides/{id:guid}                                 Anyone         No",
        "GET  /api/v1/maturity-rounds                                  Anyone         No",
        "HEAD /api/v1/maturity-rounds                                  Anyone         No",
        "GET  /api/v1/maturity-rounds/{id:guid}                        Anyone         No",
        "HEAD /api/v1/maturity-rounds/{id:guid}                        Anyone         No",
        "GET  /api/v1/needs                                            Anyone         No",
        "HEAD /api/v1/needs                                            Anyone         No",
        "GET  /api/v1/needs/{id:guid}                                  Anyone         No",
        "HEAD /api/v1/needs/{id:guid}                                  Anyone         No",
        "GET  /api/v1/news                                             Anyone         No",
        "HEAD /api/v1/news                                             Anyone         No",
        "GET  /api/v1/news/{id:guid}                                   Anyone         No",
        "HEAD /api/v1/news/{id:guid}                                   Anyone         No",
        "GET  /api/v1/organizations                                    Anyone         No",
        "HEAD /api/v1/organizations                                    Anyone         No",
        "GET  /api/v1/organizations/{id:guid}                          Anyone         No",
        "HEAD /api/v1/organizations/{id:guid}                          Anyone         No",
        "GET  /api/v1/processes                                        Anyone         No",
        "HEAD /api/v1/processes                                        Anyone         No",
        "GET  /api/v1/processes/{id:guid}                              Anyone         No",
        "HEAD /api/v1/processes/{id:guid}                              Anyone         No",
        "GET  /api/v1/proposals                                        Anyone         No",
        "HEAD /api/v1/proposals                                        Anyone         No",
        "GET  /api/v1/proposals/{id:guid}                              Anyone         No",
        "HEAD /api/v1/proposals/{id:guid}                              Anyone         No",
        "GET  /api/v1/results                                          Anyone         No",
        "HEAD /api/v1/results                                          Anyone         No",
        "GET  /api/v1/results/{id:guid}                                Anyone         No",
        "HEAD /api/v1/results/{id:guid}                                Anyone         No",
        "GET  /api/v1/surveys                                          Anyone         No",
        "HEAD /api/v1/surveys                                          Anyone         No",
        "GET  /api/v1/surveys/{id:guid}                                Anyone         No",
        "HEAD /api/v1/surveys/{id:guid}                                Anyone         No",
        "GET  /api/v1/swot-boards                                      Anyone         No",
        "HEAD /api/v1/swot-boards                                      Anyone         No",
        "GET  /api/v1/swot-boards/{id:guid}                            Anyone         No",
        "HEAD /api/v1/swot-boards/{id:guid}                            Anyone         No",
        "GET  /api/v1/swot-items                                       Anyone         No",
        "HEAD /api/v1/swot-items                                       Anyone         No",
        "GET  /api/v1/swot-items/{id:guid}                             Anyone         No",
        "HEAD /api/v1/swot-items/{id:guid}                             Anyone         No",
    ];

    private sealed record Entry(string Method, string Route, string? Handler, Who Who, TwoFactor TwoFactor)
    {
        public string Key => $"{Method} {Route}{(Handler == null ? "" : "?handler=" + Handler)}";
        public bool NeedsStaffPower => Who is Who.Manager or Who.Staff or Who.Administrator or Who.Officer;
    }

    private static readonly IReadOnlyList<Entry> Entries = Inventory.Select(Parse).ToList();

    private static Entry Parse(string line)
    {
        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(parts.Length == 4, $"inventory line needs METHOD route Who TwoFactor: {line}");
        var at = parts[1].IndexOf("?handler=", StringComparison.Ordinal);
        var route = at < 0 ? parts[1] : parts[1][..at];
        var handler = at < 0 ? null : parts[1][(at + "?handler=".Length)..];
        return new Entry(parts[0], route, handler, Enum.Parse<Who>(parts[2]), Enum.Parse<TwoFactor>(parts[3]));
    }

    /// <summary>Every page handler and endpoint the running app has, in the inventory's key form.</summary>
    private async Task<SortedSet<string>> DiscoverAsync()
    {
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        var endpoints = f.Services.GetRequiredService<EndpointDataSource>().Endpoints;
        var loader = f.Services.GetRequiredService<PageLoader>();
        foreach (var endpoint in endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } page)
            {
                var compiled = await loader.LoadAsync(page, endpoint.Metadata);
                foreach (var h in compiled.HandlerMethods)
                    keys.Add($"{h.HttpMethod.ToUpperInvariant()} {route}{(h.Name == null ? "" : "?handler=" + h.Name)}");
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods;
            foreach (var m in methods is { Count: > 0 } ? methods : ["*"])
                keys.Add($"{m} {route}");
        }
        return keys;
    }

    [Fact]
    public async Task EveryRoute_IsInTheInventory_AndEveryLineIsARoute()
    {
        var found = await DiscoverAsync();
        var listed = Entries.Select(e => e.Key).ToList();
        Assert.Equal(listed.Count, listed.Distinct(StringComparer.Ordinal).Count());
        var missing = found.Except(listed, StringComparer.Ordinal).ToList();
        var gone = listed.Except(found, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && gone.Count == 0,
            (missing.Count > 0 ? "Routes with no line in the inventory (add them with who may use them):\n  " + string.Join("\n  ", missing) + "\n" : "")
            + (gone.Count > 0 ? "Inventory lines for routes that no longer exist:\n  " + string.Join("\n  ", gone) : ""));
    }

    [Fact]
    public void Inventory_TwoFactorFollowsTheRoles()
    {
        foreach (var e in Entries)
        {
            var expected = e.Who switch
            {
                Who.Staff or Who.Administrator or Who.Officer => TwoFactor.Yes,
                Who.Manager => TwoFactor.SiteAdministrator,
                _ => TwoFactor.No,
            };
            Assert.True(expected == e.TwoFactor, $"{e.Key}: {e.Who} means two-factor {expected}");
        }
    }

    [Fact]
    public async Task SignedInRoutes_SendAnonymousVisitorsToSignIn()
    {
        var samples = await SamplesAsync();
        var anonymous = f.Browser();
        var failures = new List<string>();
        foreach (var e in Entries.Where(e => e.Method == "GET" && e.Who != Who.Anyone && e.Handler == null))
        {
            var url = samples.Url(e.Route);
            var response = await anonymous.GetAsync(url);
            var refused = response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect && (response.Location().StartsWith("/account/login", StringComparison.Ordinal)
                    || response.Location().StartsWith("/account/access-denied", StringComparison.Ordinal)));
            if (!refused)
                failures.Add($"{e.Key} ({url}): {(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.True(failures.Count == 0, "Open to anonymous visitors:\n  " + string.Join("\n  ", failures));
    }

    private static readonly string[] StaffRoles = [Roles.Administrator, Roles.Moderator, Roles.Officer];

    /// <summary>The staff roles that would give the route's power; each is tried without two-factor.</summary>
    private static string[] RolesFor(Who who) => who switch
    {
        Who.Staff => [Roles.Administrator, Roles.Moderator],
        Who.Administrator => [Roles.Administrator],
        Who.Officer => [Roles.Officer, Roles.Administrator],
        Who.Manager => [Roles.Administrator],
        _ => [],
    };

    [Fact]
    public async Task StaffRoutes_StaffWithoutTwoFactor_AreRefusedAndChangeNothing()
    {
        var samples = await SamplesAsync();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in StaffRoles)
            clients[role] = await f.SignedInAsync(await f.PersonAsync(role: role));
        using var writes = new WriteRecorder();
        var failures = new List<string>();
        foreach (var e in Entries.Where(e => e.NeedsStaffPower))
        {
            foreach (var role in RolesFor(e.Who))
            {
                var client = clients[role];
                var url = samples.Url(e.Route, e.Handler);
                HttpResponseMessage response;
                var probe = Guid.NewGuid().ToString("N");
                if (e.Method == "POST")
                {
                    var token = Http.Token(await client.HtmlAsync("/account/manage"));
                    using var request = new HttpRequestMessage(HttpMethod.Post, url)
                    {
                        Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }),
                    };
                    request.Headers.Add(WriteRecorder.Header, probe);
                    response = await client.SendAsync(request);
                }
                else
                {
                    using var request = new HttpRequestMessage(HttpMethod.Get, url);
                    request.Headers.Add(WriteRecorder.Header, probe);
                    response = await client.SendAsync(request);
                }
                var toSetup = response.StatusCode == HttpStatusCode.Redirect
                    && response.Location().StartsWith("/account/manage/two-factor?required=True", StringComparison.OrdinalIgnoreCase);
                // A page that checks management rights in its own code may answer "not found" or "forbidden" to those
                // without them; a site administrator without two-factor has none.
                var refused = toSetup || (e.Who == Who.Manager && response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden);
                if (!refused)
                    failures.Add($"{role} without two-factor, {e.Key} ({url}): {(int)response.StatusCode} {response.Headers.Location}");
                if (writes.Of(probe) is { Count: > 0 } written)
                    failures.Add($"{role} without two-factor, {e.Key} ({url}) wrote: {string.Join(" | ", written)}");
            }
        }
        Assert.True(failures.Count == 0, "Staff power without two-factor:\n  " + string.Join("\n  ", failures));
    }

    [Fact]
    public async Task StaffRoutes_StaffWithTwoFactor_AreAllowed()
    {
        var samples = await SamplesAsync();
        var clients = new Dictionary<string, HttpClient>();
        foreach (var role in StaffRoles)
            clients[role] = await f.SignedInAsync(await f.PersonAsync(role: role, twoFactor: true));
        var failures = new List<string>();
        var tried = 0;
        foreach (var e in Entries.Where(e => e.NeedsStaffPower && e.Method == "GET"))
        {
            if (samples.Resolved(e.Route) is not { } url)
                continue;
            url += e.Handler == null ? "" : (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + e.Handler;
            foreach (var role in RolesFor(e.Who))
            {
                tried++;
                var response = await clients[role].GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK)
                    failures.Add($"{role} with two-factor, {e.Key} ({url}): {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(failures.Count == 0, "Refused to staff with two-factor:\n  " + string.Join("\n  ", failures));
        Assert.True(tried >= 30, $"only {tried} staff pages could be tried");
    }

    private static readonly SemaphoreSlim Seeding = new(1, 1);

    /// <summary>The demo's content, so that staff pages can be opened on real processes, events, surveys …</summary>
    private async Task<Samples> SamplesAsync()
    {
        await Seeding.WaitAsync();
        try
        {
            if (!await f.DbAsync(db => db.Set<Process>().AnyAsync(p => p.Slug == ProcessesDemo.IccSlug)))
                await f.InScopeAsync(sp => sp.GetRequiredService<DemoSeed>().RunAsync(CancellationToken.None));
        }
        finally
        {
            Seeding.Release();
        }
        return await f.DbAsync(Samples.LoadAsync);
    }

    /// <summary>Real values for the route parameters, from the demo; routes it cannot fill get placeholders.</summary>
    private sealed class Samples
    {
        private readonly Dictionary<string, string> urls = new(StringComparer.Ordinal);

        public static async Task<Samples> LoadAsync(AgoraDb db)
        {
            var s = new Samples();
            var processes = await db.Set<Process>().AsNoTracking().Where(p => p.Published).ToDictionaryAsync(p => p.Id, p => p.Slug);
            string? Slug(Guid? id) => id is Guid g && processes.TryGetValue(g, out var slug) ? slug : null;
            void Add(string route, string? url)
            {
                if (url != null)
                    s.urls[route] = url;
            }
            var icc = ProcessesDemo.IccSlug;

            var iccId = await db.Set<Process>().Where(p => p.Slug == icc).Select(p => p.Id).SingleAsync();
            var phase = await db.Set<Phase>().AsNoTracking().FirstOrDefaultAsync(p => p.ProcessId == iccId);
            Add("/processes/{slug}/manage", $"/processes/{icc}/manage");
            Add("/processes/{slug}/manage/phases/{id:guid}", phase == null ? null : $"/processes/{icc}/manage/phases/{phase.Id}");
            Add("/processes/{slug}/join-requests", $"/processes/{icc}/join-requests");
            Add("/news/new", $"/news/new?process={icc}");

            var proposal = await db.Set<Proposal>().AsNoTracking().ToListAsync();
            var withProposals = proposal.Select(p => Slug(p.ProcessId)).FirstOrDefault(x => x != null);
            Add("/processes/{slug}/proposals/settings", withProposals == null ? null : $"/processes/{withProposals}/proposals/settings");

            var round = (await db.Set<MaturityRound>().AsNoTracking().ToListAsync()).FirstOrDefault(r => Slug(r.ProcessId) != null);
            Add("/processes/{slug}/maturity/edit/{id:guid?}", round == null ? null : $"/processes/{Slug(round.ProcessId)}/maturity/edit");

            var need = (await db.Set<Need>().AsNoTracking().ToListAsync()).FirstOrDefault(n => Slug(n.ProcessId) != null);
            Add("/processes/{slug}/needs/edit/{id:guid?}", need == null ? null : $"/processes/{Slug(need.ProcessId)}/needs/edit");

            var conversation = (await db.Set<Conversation>().AsNoTracking().ToListAsync()).FirstOrDefault(c => c.Published && Slug(c.ProcessId) != null);
            if (conversation != null)
            {
                var path = $"/processes/{Slug(conversation.ProcessId)}/conversations/{conversation.Id}";
                Add("/processes/{slug}/conversations/{id:guid}/manage", path + "/manage");
                Add("/processes/{slug}/conversations/{id:guid}/export/{file}", path + "/export/comments.csv");
            }

            var survey = (await db.Set<Survey>().AsNoTracking().ToListAsync()).FirstOrDefault(x => x.Published && !x.AnswersPublic && Slug(x.ProcessId) != null);
            if (survey != null)
            {
                var path = $"/processes/{Slug(survey.ProcessId)}/surveys/{survey.Id}";
                Add("/processes/{slug}/surveys/{id:guid}/build", path + "/build");
                Add("/processes/{slug}/surveys/{id:guid}/export.{format:regex(^(csv|json)$)}", path + "/export.csv");
            }

            var board = (await db.Set<SwotBoard>().AsNoTracking().ToListAsync()).FirstOrDefault(b => Slug(b.ProcessId) != null);
            Add("/processes/{slug}/swot/{id:guid}/manage", board == null ? null : $"/processes/{Slug(board.ProcessId)}/swot/{board.Id}/manage");

            var ev = (await db.Set<Event>().AsNoTracking().ToListAsync()).FirstOrDefault(x => x.Published && Slug(x.ProcessId) != null);
            if (ev != null)
            {
                Add("/events/{id:guid}/edit", $"/events/{ev.Id}/edit");
                Add("/events/{id:guid}/registrations/{handler?}", $"/events/{ev.Id}/registrations");
                Add("/events/{id:guid}/report/{handler?}", $"/events/{ev.Id}/report");
            }

            var post = (await db.Set<NewsPost>().AsNoTracking().ToListAsync()).FirstOrDefault(x => x.Published && Slug(x.ProcessId) != null);
            Add("/news/{slug}/edit", post == null ? null : $"/news/{post.Slug}/edit");

            var result = (await db.Set<TrackedResult>().AsNoTracking().ToListAsync()).FirstOrDefault(r => Slug(r.ProcessId) != null);
            Add("/results/{id:guid}/edit", result == null ? null : $"/results/{result.Id}/edit");
            Add("/processes/{slug}/results/new", result == null ? null : $"/processes/{Slug(result.ProcessId)}/results/new");

            var organization = await db.Set<Organization>().AsNoTracking().FirstOrDefaultAsync(o => o.Listed);
            Add("/organizations/{slug}/edit", organization == null ? null : $"/organizations/{organization.Slug}/edit");

            var course = await db.Set<Course>().AsNoTracking().FirstOrDefaultAsync();
            Add("/admin/learning/courses/{id:guid?}", course == null ? "/admin/learning/courses" : $"/admin/learning/courses/{course.Id}");
            Add("/admin/learning/courses/{courseId:guid}/lessons/{id:guid?}", course == null ? null : $"/admin/learning/courses/{course.Id}/lessons");
            var lesson = await db.Set<Lesson>().AsNoTracking().FirstOrDefaultAsync();
            Add("/admin/learning/lessons/{lessonId:guid}/questions/{id:guid?}", lesson == null ? null : $"/admin/learning/lessons/{lesson.Id}/questions");
            Add("/admin/learning/guides/{id:guid?}", "/admin/learning/guides");
            Add("/admin/maturity/framework/{id:guid?}", "/admin/maturity/framework");
            Add("/admin/newsletters/edit/{id:guid?}", "/admin/newsletters/edit");
            var person = await db.Users.AsNoTracking().OrderBy(u => u.Email).FirstAsync();
            Add("/admin/users/{id:guid}", $"/admin/users/{person.Id}");

            s.Placeholders["{slug}"] = icc;
            return s;
        }

        public Dictionary<string, string> Placeholders { get; } = new(StringComparer.Ordinal);

        /// <summary>The demo's URL for a route, or null when it has none.</summary>
        public string? Resolved(string route)
        {
            if (urls.TryGetValue(route, out var url))
                return url;
            return route.Contains('{', StringComparison.Ordinal) ? null : route;
        }

        /// <summary>A URL for the route: the demo's, else its parameters filled with placeholders.</summary>
        public string Url(string route, string? handler = null)
        {
            var url = Resolved(route) ?? Parameter().Replace(route, m => m.Value switch
            {
                "{slug}" => Placeholders["{slug}"],
                _ when m.Value.Contains(":guid", StringComparison.Ordinal) => "0f0e0d0c-0b0a-0908-0706-050403020100",
                _ when m.Value.Contains(":int", StringComparison.Ordinal) => "1",
                _ when m.Value.StartsWith("{verb", StringComparison.Ordinal) => "follow",
                _ when m.Value.StartsWith("{format", StringComparison.Ordinal) => "csv",
                _ when m.Value.EndsWith("?}", StringComparison.Ordinal) => "",
                _ => "x",
            }).Replace("//", "/", StringComparison.Ordinal);
            if (url.Length > 1)
                url = url.TrimEnd('/');
            return handler == null ? url : url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=" + handler;
        }
    }

    [GeneratedRegex(@"\{[^{}]*(\{[^{}]*\}[^{}]*)*\}")]
    private static partial Regex Parameter();

    /// <summary>SQL writes (INSERT, UPDATE, DELETE) made while serving requests that carry a probe header.</summary>
    private sealed partial class WriteRecorder : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        public const string Header = "X-Inventory-Probe";
        private static readonly HttpContextAccessor Requests = new();
        private readonly IDisposable all;
        private readonly List<IDisposable> subscriptions = [];
        private readonly Dictionary<string, List<string>> written = new(StringComparer.Ordinal);

        public WriteRecorder() => all = DiagnosticListener.AllListeners.Subscribe(this);

        public IReadOnlyList<string> Of(string probe)
        {
            lock (written)
                return written.TryGetValue(probe, out var list) ? [.. list] : [];
        }

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (subscriptions)
                    subscriptions.Add(value.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key != RelationalEventId.CommandExecuting.Name || value.Value is not CommandEventData data)
                return;
            if (Requests.HttpContext?.Request.Headers[Header].ToString() is not { Length: > 0 } probe)
                return;
            var sql = data.Command.CommandText;
            if (!Write().IsMatch(sql))
                return;
            lock (written)
            {
                if (!written.TryGetValue(probe, out var list))
                    written[probe] = list = [];
                list.Add(sql.Length > 200 ? sql[..200] : sql);
            }
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose()
        {
            all.Dispose();
            lock (subscriptions)
            {
                foreach (var s in subscriptions)
                    s.Dispose();
            }
        }

        [GeneratedRegex(@"\b(INSERT\s+INTO|UPDATE\s+\S+(\s+AS\s+\S+)?\s+SET|DELETE\s+FROM)\b", RegexOptions.IgnoreCase)]
        private static partial Regex Write();
    }
}
