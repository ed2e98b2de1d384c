{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/events">{{_ Events _}}</a></p>
<h1{{#TITLE_LANG}} lang="{{LANG}}"{{/TITLE_LANG}}>{{TITLE}}</h1>
{{#SAVED}}<div class="alert alert-success" role="status">{{_ Saved. _}}</div>{{/SAVED}}
{{#REGISTERED_NOTICE}}<div class="alert alert-success" role="status">{{REGISTERED_STATUS}}</div>{{/REGISTERED_NOTICE}}
{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
<dl class="facts">
  <dt>{{_ Kind _}}</dt><dd>{{KIND}}</dd>
  <dt>{{_ Dates _}}</dt><dd class="{{#DATES_UNKNOWN}}unknown{{/DATES_UNKNOWN}}">{{DATES}}</dd>
  {{#DATES_NOTE}}<dt>{{_ Note _}}</dt><dd{{#TEXT_LANG}} lang="{{LANG}}"{{/TEXT_LANG}}>{{TEXT}}</dd>{{/DATES_NOTE}}
  <dt>{{_ City _}}</dt><dd class="{{#CITY_UNKNOWN}}unknown{{/CITY_UNKNOWN}}"{{#CITY_LANG}} lang="{{LANG}}"{{/CITY_LANG}}>{{CITY}}</dd>
  {{#VENUE}}<dt>{{_ Venue _}}</dt><dd{{#TEXT_LANG}} lang="{{LANG}}"{{/TEXT_LANG}}>{{TEXT}}</dd>{{/VENUE}}
  <dt>{{_ Country _}}</dt><dd>{{COUNTRY}}</dd>
  <dt>{{_ Time zone _}}</dt><dd>{{TIME_ZONE}}</dd>
  <dt>{{_ Organizers _}}</dt><dd>{{#ORGANIZERS_UNKNOWN}}<span class="unknown">{{UNKNOWN}}</span>{{/ORGANIZERS_UNKNOWN}}{{#ORGANIZER}}<a href="/organizations/{{SLUG}}"{{#NAME_LANG}} lang="{{LANG}}"{{/NAME_LANG}}>{{NAME}}</a> {{/ORGANIZER}}</dd>
  {{#SERIES}}<dt>{{_ Series _}}</dt><dd><a href="/events?when=all&amp;series={{SLUG}}"{{#NAME_LANG}} lang="{{LANG}}"{{/NAME_LANG}}>{{NAME}}</a></dd>{{/SERIES}}
  {{#PROGRAMME}}<dt>{{_ Programme _}}</dt><dd{{#TEXT_LANG}} lang="{{LANG}}"{{/TEXT_LANG}}>{{TEXT}}</dd>{{/PROGRAMME}}
  {{#SERVES}}<dt>{{_ Serves the objectives _}}</dt><dd><ul class="plain">{{#SERVED_OBJECTIVE}}<li><a href="/agreements/{{SLUG}}"{{#AGREEMENT_LANG}} lang="{{LANG}}"{{/AGREEMENT_LANG}}>{{AGREEMENT}}</a>, {{NUMBER}}. <span{{#TEXT_LANG}} lang="{{LANG}}"{{/TEXT_LANG}}>{{TEXT}}</span></li>{{/SERVED_OBJECTIVE}}</ul></dd>{{/SERVES}}
  {{#SIGNED_AGREEMENT}}<dt>{{_ Signed here _}}</dt><dd><a href="/agreements/{{SLUG}}"{{#TITLE_LANG}} lang="{{LANG}}"{{/TITLE_LANG}}>{{TITLE}}</a></dd>{{/SIGNED_AGREEMENT}}
</dl>
<p{{#DESCRIPTION_LANG}} lang="{{LANG}}"{{/DESCRIPTION_LANG}}>{{DESCRIPTION}}</p>
<p><a class="button" href="/events/{{SLUG}}/calendar.ics">{{_ Add to your calendar (.ics) _}}</a></p>

<section aria-labelledby="programme-heading">
  <h2 id="programme-heading">{{_ Programme _}}</h2>
  {{#HAS_TIMES}}
  <form class="form form-inline" method="get" action="/events/{{SLUG}}#programme-heading">
    <div class="field">
      <label for="tz">{{_ Also show times in _}}</label>
      <select id="tz" name="tz">
        <option value="">{{_ Only the event's time zone _}}</option>
        {{#ZONE_OPTION}}<option value="{{ZONE}}"{{#SELECTED}} selected{{/SELECTED}}>{{ZONE}}</option>{{/ZONE_OPTION}}
      </select>
    </div>
    <button class="button" type="submit">{{_ Show _}}</button>
  </form>
  <p class="muted">{{_ Times are local to the event _}} ({{TIME_ZONE}}){{#HAS_VIEWER_ZONE}}; {{_ your time is shown beside them _}} ({{VIEWER_ZONE}}){{/HAS_VIEWER_ZONE}}.</p>
    {{/HAS_TIMES}}
{{#NO_SESSIONS}}<p>{{_ No session recorded. _}}</p>{{/NO_SESSIONS}}
  {{#DAY}}
  <h3 class="timetable-day">{{#DAY_ISO}}<time datetime="{{DAY_ISO}}">{{/DAY_ISO}}{{DAY_TEXT}}{{#DAY_ISO}}</time>{{/DAY_ISO}}</h3>
  <table class="table timetable">
    <thead><tr><th scope="col">{{_ Time _}}</th><th scope="col">{{_ Session _}}</th><th scope="col">{{_ Room _}}</th></tr></thead>
    <tbody>
      {{#SESSION}}<tr class="session session-{{KIND_KEY}}">
        <td>{{#HAS_TIME}}<time datetime="{{DATETIME}}">{{TIME}}</time>{{/HAS_TIME}}{{#TIME_UNKNOWN}}<span class="unknown">{{TIME}}</span>{{/TIME_UNKNOWN}}
          {{#HAS_OTHER_TIME}}<br><span class="muted other-time">{{OTHER_TIME}}</span>{{/HAS_OTHER_TIME}}</td>
        <td><span class="muted">{{KIND}}</span><br><strong{{#TITLE_LANG}} lang="{{LANG}}"{{/TITLE_LANG}}>{{TITLE}}</strong>
          {{#SPEAKER}}<br>{{_ Speaker _}}: <a href="/people/{{SLUG}}">{{NAME}}</a>{{/SPEAKER}}
          {{#MODERATOR}}<br>{{_ Moderator _}}: <a href="/people/{{SLUG}}">{{NAME}}</a>{{/MODERATOR}}
          {{#MET}}<br>{{_ With _}}: <a href="/organizations/{{SLUG}}"{{#NAME_LANG}} lang="{{LANG}}"{{/NAME_LANG}}>{{NAME}}</a>{{/MET}}
          {{#HAS_ICS}}<br><a href="/events/{{SLUG}}/sessions/{{ID}}/calendar.ics">{{_ .ics _}}</a>{{/HAS_ICS}}</td>
        <td>{{#HAS_ROOM}}{{ROOM}}{{/HAS_ROOM}}</td>
      </tr>{{/SESSION}}
    </tbody>
  </table>
  {{/DAY}}
</section>

{{#AWARD}}
<section class="award" aria-label="{{_ Award _}}">
  <h2>{{_ Award _}}</h2>
  <p><strong{{#TITLE_LANG}} lang="{{LANG}}"{{/TITLE_LANG}}>{{TITLE}}</strong></p>
  {{#HAS_CITATION}}<blockquote{{#CITATION_LANG}} lang="{{LANG}}"{{/CITATION_LANG}}>“{{CITATION}}”</blockquote>{{/HAS_CITATION}}
  <dl class="facts">
    <dt>{{_ Date _}}</dt><dd>{{DATE}}</dd>
    {{#PRESENTED_BY}}<dt>{{_ Presented by _}}</dt><dd><a href="/people/{{SLUG}}">{{NAME}}</a></dd>{{/PRESENTED_BY}}
    <dt>{{_ Recipient _}}</dt><dd>{{#RECIPIENT}}<a href="/people/{{SLUG}}">{{NAME}}</a> {{/RECIPIENT}}{{#RECIPIENT_ROLE}}<span{{#TEXT_LANG}} lang="{{LANG}}"{{/TEXT_LANG}}>{{TEXT}}</span>{{/RECIPIENT_ROLE}}</dd>
  </dl>
</section>
{{/AWARD}}

<section aria-labelledby="delegations-heading">
  <h2 id="delegations-heading">{{_ Delegations _}}</h2>
  {{#NO_DELEGATIONS}}<p>{{_ No delegation recorded. _}}</p>{{/NO_DELEGATIONS}}
  <ul>
    {{#DELEGATION}}<li><a href="/organizations/{{ORGANIZATION_SLUG}}"{{#ORGANIZATION_LANG}} lang="{{LANG}}"{{/ORGANIZATION_LANG}}>{{ORGANIZATION}}</a> — {{SIZE}}
      {{#NAMES_UNKNOWN}}<span class="muted">({{_ names not given in the sources _}})</span>{{/NAMES_UNKNOWN}}
      {{#MEMBER}}<a href="/people/{{SLUG}}">{{NAME}}</a> {{/MEMBER}}
      {{#AGENDA_LINK}} · <a href="/events/{{SLUG}}/delegations/{{ID}}/agenda">{{_ Agenda _}}</a>{{/AGENDA_LINK}}</li>{{/DELEGATION}}
  </ul>
</section>

<section aria-labelledby="participants-heading">
  <h2 id="participants-heading">{{_ Participants _}}</h2>
  <p class="muted">{{_ Only those who agreed to be listed. _}}</p>
  {{#NO_PARTICIPANTS}}<p>{{_ No participant listed. _}}</p>{{/NO_PARTICIPANTS}}
  <ul>
    {{#PARTICIPANT}}<li>{{#HAS_PERSON}}<a href="/people/{{SLUG}}">{{/HAS_PERSON}}{{NAME}}{{#HAS_PERSON}}</a>{{/HAS_PERSON}} — {{ROLE}}
      {{#SHOW_STATUS}} · {{STATUS}}{{/SHOW_STATUS}}{{#NOT_LISTED}} · <span class="muted">{{_ not listed publicly _}}</span>{{/NOT_LISTED}}
      {{#DECIDE}}<form class="form-inline" method="post" action="/events/{{EVENT_SLUG}}/participants/decide">
        <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
        <input type="hidden" name="participant" value="{{PARTICIPANT_ID}}">
        <button class="button" name="decision" value="approve">{{_ Approve _}}</button>
        <button class="button button-secondary" name="decision" value="decline">{{_ Decline _}}</button>
      </form>{{/DECIDE}}
      {{#LIST}}<form class="form-inline" method="post" action="/events/{{EVENT_SLUG}}/participants/{{PARTICIPANT_ID}}/consent">
        <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
        <button class="button button-secondary" name="consent_to_list" value="1">{{_ Record their consent to be listed _}}</button>
      </form>{{/LIST}}
      {{#UNLIST}}<form class="form-inline" method="post" action="/events/{{EVENT_SLUG}}/participants/{{PARTICIPANT_ID}}/consent">
        <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
        <button class="button button-secondary" name="consent_to_list" value="0">{{_ Record that they withdrew consent _}}</button>
      </form>{{/UNLIST}}
      {{#REMOVE}}<form class="form-inline" method="post" action="/events/{{EVENT_SLUG}}/participants/{{PARTICIPANT_ID}}/remove">
        <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
        <button class="button button-secondary">{{_ Remove _}}</button>
      </form>{{/REMOVE}}</li>{{/PARTICIPANT}}
  </ul>
</section>

<section aria-labelledby="registration-heading">
  <h2 id="registration-heading">{{_ Registration _}}</h2>
  <p>{{REGISTRATION}}{{#HAS_CAPACITY}} · {{_ Capacity _}}: {{CAPACITY}}{{/HAS_CAPACITY}}</p>
  {{#REGISTER_SIGN_IN}}<p><a href="/sign-in?next=/events/{{SLUG}}">{{_ Sign in to register. _}}</a></p>{{/REGISTER_SIGN_IN}}
  {{#REGISTERED}}<p>{{_ Your registration _}}: {{MY_STATUS}} · <a href="/events/{{SLUG}}/agenda">{{_ Your agenda _}}</a></p>{{/REGISTERED}}
  {{#REGISTER_FORM}}<form class="form" method="post" action="/events/{{SLUG}}/register">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field checkbox"><input id="consent_to_list" type="checkbox" name="consent_to_list" value="1"><label for="consent_to_list">{{_ List my name among the participants _}}</label></div>
    {{#REGISTRATION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/REGISTRATION_ERROR}}
    <button class="button" type="submit">{{_ Register _}}</button>
  </form>{{/REGISTER_FORM}}
</section>

{{#INVITATIONS}}
<section aria-labelledby="invitations-heading">
  <h2 id="invitations-heading">{{_ Invitations _}}</h2>
  <ul>
    {{#INVITATION}}<li>{{FROM}} → {{TO}}{{#HAS_COUNT}} ({{COUNT}}){{/HAS_COUNT}} · {{STATUS}} · <a href="/events/invitations/{{ID}}/letter.pdf">{{_ Letter (PDF) _}}</a></li>{{/INVITATION}}
  </ul>
</section>
{{/INVITATIONS}}

{{#MANAGER}}
<section class="panel" aria-labelledby="manage-heading">
  <h2 id="manage-heading">{{_ Manage the event _}}</h2>
  <p><a href="/events/{{SLUG}}/edit">{{_ Edit the event _}}</a> · <a href="/events/{{SLUG}}/meetings">{{_ Private meetings and scheduler _}}</a></p>
  <h3 id="session-form-heading">{{_ Add a session _}}</h3>
  <form class="form" method="post" action="/events/{{SLUG}}/sessions" aria-labelledby="session-form-heading">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field"><label for="session_kind">{{_ Kind _}}</label>
      <select id="session_kind" name="kind">{{#SESSION_KIND_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/SESSION_KIND_OPTION}}</select>
      {{#KIND_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/KIND_ERROR}}</div>
    <div class="field"><label for="session_title">{{_ Title _}}</label><input id="session_title" name="title">
      {{#TITLE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TITLE_ERROR}}</div>
    <div class="field"><label for="session_starts">{{_ Starts (local time, YYYY-MM-DDTHH:MM) _}}</label><input id="session_starts" name="starts">
      {{#STARTS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/STARTS_ERROR}}</div>
    <div class="field"><label for="session_ends">{{_ Ends (local time) _}}</label><input id="session_ends" name="ends">
      {{#ENDS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ENDS_ERROR}}</div>
    <div class="field"><label for="session_room">{{_ Room _}}</label><input id="session_room" name="room">
      {{#ROOM_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ROOM_ERROR}}</div>
    <div class="field"><label for="session_speakers">{{_ Speakers (directory addresses, separated by commas) _}}</label><input id="session_speakers" name="speakers">
      {{#SPEAKERS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SPEAKERS_ERROR}}</div>
    <div class="field"><label for="session_met">{{_ Organizations met (directory addresses) _}}</label><input id="session_met" name="organizations_met">
      {{#ORGANIZATIONS_MET_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ORGANIZATIONS_MET_ERROR}}</div>
    <button class="button" type="submit">{{_ Add the session _}}</button>
  </form>
  <h3 id="invite-form-heading">{{_ Invite _}}</h3>
  <form class="form" method="post" action="/events/{{SLUG}}/invitations" aria-labelledby="invite-form-heading">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field"><label for="from_organization">{{_ From (organization) _}}</label>
      <select id="from_organization" name="from_organization"><option value=""></option>{{#ORGANIZATION_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ORGANIZATION_OPTION}}</select>
      {{#FROM_ORGANIZATION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/FROM_ORGANIZATION_ERROR}}</div>
    <div class="field"><label for="to_organization">{{_ To (organization) _}}</label>
      <select id="to_organization" name="to_organization"><option value=""></option>{{#ORGANIZATION_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ORGANIZATION_OPTION}}</select>
      {{#TO_ORGANIZATION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TO_ORGANIZATION_ERROR}}</div>
    <div class="field"><label for="invited_count">{{_ Number of people invited _}}</label><input id="invited_count" name="invited_count" inputmode="numeric">
      {{#INVITED_COUNT_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/INVITED_COUNT_ERROR}}</div>
    <div class="field"><label for="invitation_language">{{_ Language of the letter _}}</label>
      <select id="invitation_language" name="language">{{#LANGUAGE_OPTION}}<option value="{{CODE}}">{{NAME}}</option>{{/LANGUAGE_OPTION}}</select></div>
    <button class="button" type="submit">{{_ Send the invitation _}}</button>
  </form>
  <h3 id="delegation-form-heading">{{_ Add a delegation _}}</h3>
  <form class="form" method="post" action="/events/{{SLUG}}/delegations" aria-labelledby="delegation-form-heading">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field"><label for="delegation_organization">{{_ Organization _}}</label>
      <select id="delegation_organization" name="organization">{{#ORGANIZATION_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ORGANIZATION_OPTION}}</select>
      {{#ORGANIZATION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ORGANIZATION_ERROR}}</div>
    <div class="field"><label for="delegation_size">{{_ Size (empty when unknown) _}}</label><input id="delegation_size" name="size" inputmode="numeric">
      {{#SIZE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/SIZE_ERROR}}</div>
    <div class="field"><label for="delegation_head">{{_ Head of the delegation (optional) _}}</label>
      <input id="delegation_head" name="head" maxlength="100" aria-describedby="delegation-people-hint">
      {{#HEAD_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/HEAD_ERROR}}</div>
    <div class="field"><label for="delegation_members">{{_ Members (optional) _}}</label>
      <input id="delegation_members" name="members" maxlength="2000" aria-describedby="delegation-people-hint">
      <p class="hint" id="delegation-people-hint">{{_ People of the directory by the last part of their address, such as daniyar-kanafin; members separated by commas. Leave empty when the names are not known. _}}</p>
      {{#MEMBERS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/MEMBERS_ERROR}}</div>
    <button class="button" type="submit">{{_ Add the delegation _}}</button>
  </form>
  <h3 id="participant-form-heading">{{_ Add a participant _}}</h3>
  <form class="form" method="post" action="/events/{{SLUG}}/participants" aria-labelledby="participant-form-heading">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field"><label for="participant_person">{{_ Person (directory address) _}}</label><input id="participant_person" name="person">
      {{#PARTICIPANT_PERSON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/PARTICIPANT_PERSON_ERROR}}</div>
    <div class="field"><label for="participant_role">{{_ Role _}}</label>
      <select id="participant_role" name="role">{{#ROLE_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/ROLE_OPTION}}</select>
      {{#PARTICIPANT_ROLE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/PARTICIPANT_ROLE_ERROR}}</div>
    <div class="field"><label for="participant_delegation">{{_ Delegation (optional) _}}</label>
      <select id="participant_delegation" name="delegation"><option value=""></option>{{#DELEGATION_OPTION}}<option value="{{VALUE}}">{{LABEL}}</option>{{/DELEGATION_OPTION}}</select>
      {{#PARTICIPANT_DELEGATION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/PARTICIPANT_DELEGATION_ERROR}}</div>
    <div class="field checkbox"><input id="participant_consent" type="checkbox" name="consent_to_list" value="1"><label for="participant_consent">{{_ They agreed to be listed publicly _}}</label></div>
    <button class="button" type="submit">{{_ Add the participant _}}</button>
  </form>
  <h3 id="awards-heading">{{_ Record an award _}}</h3>
  <form class="form" method="post" action="/events/{{SLUG}}/awards" aria-labelledby="awards-heading">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field"><label for="award_title">{{_ Title of the award _}}</label><input id="award_title" name="title">
      {{#AWARD_TITLE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/AWARD_TITLE_ERROR}}</div>
    <div class="field"><label for="award_citation">{{_ Citation _}}</label><textarea id="award_citation" name="citation" rows="3"></textarea>
      {{#AWARD_CITATION_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/AWARD_CITATION_ERROR}}</div>
    <div class="field"><label for="award_presented_by">{{_ Presented by (directory address) _}}</label><input id="award_presented_by" name="presented_by">
      {{#AWARD_PRESENTED_BY_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/AWARD_PRESENTED_BY_ERROR}}</div>
    <div class="field"><label for="award_recipient">{{_ Recipient (directory address) _}}</label><input id="award_recipient" name="recipient">
      {{#AWARD_RECIPIENT_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/AWARD_RECIPIENT_ERROR}}</div>
    <div class="field"><label for="award_recipient_role">{{_ Or the recipient's role _}}</label><input id="award_recipient_role" name="recipient_role">
      {{#AWARD_RECIPIENT_ROLE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/AWARD_RECIPIENT_ROLE_ERROR}}</div>
    <div class="field"><label for="award_awarded_on">{{_ Date (YYYY-MM-DD, YYYY-MM or YYYY) _}}</label><input id="award_awarded_on" name="awarded_on">
      {{#AWARD_AWARDED_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/AWARD_AWARDED_ON_ERROR}}</div>
    <button class="button" type="submit">{{_ Record the award _}}</button>
  </form>
</section>
{{/MANAGER}}
