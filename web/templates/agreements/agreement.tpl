{{%AUTOESCAPE context="HTML"}}
<p class="breadcrumb"><a href="/agreements">{{_ Agreements _}}</a></p>
<h1{{#TITLE_LANG}} lang="{{LANG}}"{{/TITLE_LANG}}>{{TITLE}}</h1>
{{#SAVED}}<div class="alert alert-success" role="status">{{_ Your changes have been saved. _}}</div>{{/SAVED}}
{{#MAY_EDIT}}<p><a class="button button-quiet" href="/agreements/{{SLUG}}/edit">{{_ Edit the agreement _}}</a></p>{{/MAY_EDIT}}

<section aria-labelledby="facts-heading" class="panel">
  <h2 id="facts-heading">{{_ The agreement _}}</h2>
  <dl class="facts">
    <dt>{{_ Kind _}}</dt><dd>{{KIND}}</dd>
    <dt>{{_ Status _}}</dt><dd><span class="status status-{{STATUS_KEY}}">{{STATUS}}</span>{{#STATUS_DATE}} · {{LABEL}} {{DATE}}{{/STATUS_DATE}}</dd>
    <dt>{{_ Signed _}}</dt><dd class="signed-on"{{#SIGNED_UNKNOWN}} data-unknown{{/SIGNED_UNKNOWN}}>{{SIGNED}}</dd>
    <dt>{{_ Place of signing _}}</dt><dd{{#PLACE_LANG}} lang="{{LANG}}"{{/PLACE_LANG}}{{#PLACE_UNKNOWN}} class="unknown"{{/PLACE_UNKNOWN}}>{{PLACE}}</dd>
    <dt>{{_ Occasion _}}</dt><dd>{{#OCCASION}}{{_ On the sidelines of the _}} <span{{#OCCASION_LANG}} lang="{{LANG}}"{{/OCCASION_LANG}}>{{TEXT}}</span>{{/OCCASION}}{{#OCCASION_UNKNOWN}}<span class="unknown">{{TEXT}}</span>{{/OCCASION_UNKNOWN}}</dd>
    <dt>{{_ Initiated by _}}</dt><dd>{{#INITIATED_BY}}<a href="/organizations/{{SLUG}}"{{#NAME_LANG}} lang="{{LANG}}"{{/NAME_LANG}}>{{NAME}}</a>{{/INITIATED_BY}}{{#INITIATED_BY_UNKNOWN}}<span class="unknown">{{INITIATED_BY_TEXT}}</span>{{/INITIATED_BY_UNKNOWN}}</dd>
    <dt>{{_ Programme or funder _}}</dt><dd>{{#SUPPORTED_BY}}<a href="/organizations/{{SLUG}}"{{#NAME_LANG}} lang="{{LANG}}"{{/NAME_LANG}}>{{NAME}}</a>{{/SUPPORTED_BY}}{{#SUPPORTED_BY_UNKNOWN}}<span class="unknown">{{SUPPORTED_BY_TEXT}}</span>{{/SUPPORTED_BY_UNKNOWN}}</dd>
    <dt>{{_ Term _}}</dt><dd{{#TERM_UNKNOWN}} class="unknown"{{/TERM_UNKNOWN}}>{{TERM}}</dd>
    <dt>{{_ Renewal _}}</dt><dd{{#RENEWAL_UNKNOWN}} class="unknown"{{/RENEWAL_UNKNOWN}}>{{RENEWAL}}</dd>
    <dt>{{_ Notice period _}}</dt><dd{{#NOTICE_UNKNOWN}} class="unknown"{{/NOTICE_UNKNOWN}}>{{NOTICE}}</dd>
    <dt>{{_ Authentic languages _}}</dt><dd{{#LANGUAGES_UNKNOWN}} class="unknown"{{/LANGUAGES_UNKNOWN}}>{{LANGUAGES}}</dd>
    <dt>{{_ Who may see it _}}</dt><dd>{{VISIBILITY}}</dd>
  </dl>
</section>

<section aria-labelledby="parties-heading" class="panel">
  <h2 id="parties-heading">{{_ Parties and signatories _}}</h2>
  <ul class="parties">
    {{#PARTY}}<li class="party">
      <h3><a href="/organizations/{{SLUG}}"{{#NAME_LANG}} lang="{{LANG}}"{{/NAME_LANG}}>{{NAME}}</a></h3>
      <p class="signatory">{{_ Signed by _}}
        {{#SIGNATORY}}<a href="/people/{{SLUG}}">{{NAME}}</a>, <span class="title-at-signing">{{TITLE}}</span> <span class="muted">({{_ title at the time of signing _}})</span>{{/SIGNATORY}}
        {{#SIGNATORY_UNKNOWN}}<span class="unknown">{{UNKNOWN}}</span>{{/SIGNATORY_UNKNOWN}}</p>
      <p class="coordinators">{{_ Coordinators: _}}
        {{#COORDINATOR}}<a href="/people/{{SLUG}}">{{NAME}}</a>{{#HAS_WHEN}} <span class="muted">({{WHEN}})</span>{{/HAS_WHEN}}{{#COORDINATOR_separator}}, {{/COORDINATOR_separator}}{{/COORDINATOR}}
        {{#COORDINATORS_UNKNOWN}}<span class="unknown">{{UNKNOWN}}</span>{{/COORDINATORS_UNKNOWN}}</p>
    </li>{{/PARTY}}
  </ul>
</section>

<section aria-labelledby="tracker-heading" class="panel">
  <h2 id="tracker-heading">{{_ Objectives and what was done _}}</h2>
  <form class="form form-inline as-of" method="get" action="/agreements/{{SLUG}}#tracker-heading">
    <div class="field">
      <label for="as_of">{{_ As of _}}</label>
      <input id="as_of" name="as_of" type="date" value="{{AS_OF}}">
      {{#AS_OF_FORM}}{{#AS_OF_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/AS_OF_ERROR}}{{/AS_OF_FORM}}
    </div>
    <button class="button button-quiet" type="submit">{{_ Show _}}</button>
  </form>
  <p class="muted">{{WINDOW_TEXT}} <strong class="quiet-count">{{QUIET_COUNT}}</strong></p>
  {{#NO_OBJECTIVES}}<p class="unknown">{{_ No objective is recorded. _}}</p>{{/NO_OBJECTIVES}}
  <ol class="objectives">
    {{#OBJECTIVE}}<li class="objective{{#QUIET}} objective-quiet{{/QUIET}}" id="objective-{{ID}}">
      <p class="objective-text"{{#TEXT_LANG}} lang="{{LANG}}"{{/TEXT_LANG}}>{{TEXT}}</p>
      <p class="categories">{{#CATEGORY}}<span class="badge category-{{KEY}}">{{LABEL}}</span> {{/CATEGORY}}</p>
      {{#QUIET}}<p class="flag" role="note">⚠ {{QUIET_TEXT}}</p>{{/QUIET}}
      {{#HAS_LAST}}<p class="muted">{{_ Latest activity: _}} {{LAST}}</p>{{/HAS_LAST}}
      {{#NO_ACTIVITY}}<p class="muted">{{_ No activity recorded yet. _}}</p>{{/NO_ACTIVITY}}
      <ul class="activities">
        {{#ACTIVITY}}<li><span class="date">{{DATE}}</span> · <span class="muted">{{KIND}}</span> — {{#LINKED}}<a href="{{HREF}}">{{/LINKED}}<span{{#TEXT_LANG}} lang="{{LANG}}"{{/TEXT_LANG}}>{{TEXT}}</span>{{#LINKED}}</a>{{/LINKED}}</li>{{/ACTIVITY}}
      </ul>
    </li>{{/OBJECTIVE}}
  </ol>
</section>

<section aria-labelledby="timeline-heading" class="panel">
  <h2 id="timeline-heading">{{_ Timeline _}}</h2>
  <ol class="timeline" tabindex="0" aria-labelledby="timeline-heading">
    {{#EVENT}}<li class="timeline-entry timeline-{{KIND_KEY}}">
      <p class="timeline-date">{{DATE}}</p>
      <p class="timeline-kind">{{KIND}}{{#PLACE}} · <span{{#NAME_LANG}} lang="{{LANG}}"{{/NAME_LANG}}>{{NAME}}</span>{{/PLACE}}</p>
      <p class="timeline-text"{{#TEXT_LANG}} lang="{{LANG}}"{{/TEXT_LANG}}>{{TEXT}}</p>
    </li>{{/EVENT}}
  </ol>
</section>

<section aria-labelledby="log-heading" class="panel">
  <h2 id="log-heading">{{_ Follow-up log _}}</h2>
  {{#NO_FOLLOW_UPS}}<p class="muted">{{_ No follow-up entry yet. _}}</p>{{/NO_FOLLOW_UPS}}
  <ul class="plain-list follow-ups">
    {{#FOLLOW_UP}}<li><strong>{{DATE}}</strong> — <span{{#TEXT_LANG}} lang="{{LANG}}"{{/TEXT_LANG}}>{{TEXT}}</span>
      {{#HAS_AUTHOR}}<span class="muted">({{AUTHOR}})</span>{{/HAS_AUTHOR}}{{#HAS_SOURCE}}<span class="muted">({{_ Source: _}} {{SOURCE}})</span>{{/HAS_SOURCE}}</li>{{/FOLLOW_UP}}
  </ul>
</section>

<section aria-labelledby="reviews-heading" class="panel">
  <h2 id="reviews-heading">{{_ Yearly reviews _}}</h2>
  {{#NO_REVIEWS}}<p class="muted">{{_ No yearly review yet. _}}</p>{{/NO_REVIEWS}}
  {{#REVIEW}}<article class="review">
    <h3>{{YEAR}}</h3>
    {{#FINDINGS}}<p><strong>{{_ Findings: _}}</strong> <span{{#TEXT_LANG}} lang="{{LANG}}"{{/TEXT_LANG}}>{{TEXT}}</span></p>{{/FINDINGS}}
    {{#DECISIONS}}<p><strong>{{_ Decisions: _}}</strong> <span{{#TEXT_LANG}} lang="{{LANG}}"{{/TEXT_LANG}}>{{TEXT}}</span></p>{{/DECISIONS}}
    {{#NEXT_ACTIONS}}<p><strong>{{_ Next actions: _}}</strong> <span{{#TEXT_LANG}} lang="{{LANG}}"{{/TEXT_LANG}}>{{TEXT}}</span></p>{{/NEXT_ACTIONS}}
    {{#HAS_AUTHOR}}<p class="muted">{{AUTHOR}}</p>{{/HAS_AUTHOR}}
  </article>{{/REVIEW}}
</section>

<section aria-labelledby="documents-heading" class="panel">
  <h2 id="documents-heading">{{_ Signed texts _}}</h2>
  {{#NO_DOCUMENTS}}<p><span class="unknown">{{UNKNOWN}}</span> — {{_ no signed text has been uploaded. _}}</p>{{/NO_DOCUMENTS}}
  <ul class="plain-list documents">
    {{#DOCUMENT}}<li><a href="/agreements/{{SLUG}}/documents/{{ID}}" download>{{FILE_NAME}}</a> <span class="muted">({{LANGUAGE}}, {{TYPE}}, {{SIZE}} KB, SHA-256 <code>{{SHA256}}</code>)</span></li>{{/DOCUMENT}}
  </ul>
</section>

{{#MAY_EDIT}}<section aria-labelledby="record-heading" class="panel">
  <h2 id="record-heading">{{_ Add to the record _}}</h2>

  <h3 id="follow-up-form-heading">{{_ A follow-up entry _}}</h3>
  {{#FOLLOW_UP_FORM}}{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}{{/FOLLOW_UP_FORM}}
  <form class="form" method="post" action="/agreements/{{SLUG}}/follow-ups" aria-labelledby="follow-up-form-heading">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="follow_up_entry_on">{{_ Date _}}</label>
      <input id="follow_up_entry_on" name="entry_on" required maxlength="21" placeholder="2015-12" aria-describedby="date-hint">
      {{#FOLLOW_UP_FORM}}{{#ENTRY_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/ENTRY_ON_ERROR}}{{/FOLLOW_UP_FORM}}
    </div>
    <div class="field">
      <label for="follow_up_text">{{_ What happened _}}</label>
      <textarea id="follow_up_text" name="text" rows="3" maxlength="4000"></textarea>
      {{#FOLLOW_UP_FORM}}{{#TEXT_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TEXT_ERROR}}{{/FOLLOW_UP_FORM}}
    </div>
    <div class="field">
      <label for="follow_up_language">{{_ Language of the text _}}</label>
      <select id="follow_up_language" name="text_language">{{#FOLLOW_UP_LANGUAGE}}<option value="{{CODE}}" lang="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/FOLLOW_UP_LANGUAGE}}</select>
    </div>
    <p class="hint" id="date-hint">{{_ Dates: YYYY-MM-DD, YYYY-MM, YYYY, or a range YYYY-MM-DD/YYYY-MM-DD. _}}</p>
    <button class="button" type="submit">{{_ Add the entry _}}</button>
  </form>

  <h3 id="activity-form-heading">{{_ An activity _}}</h3>
  {{#ACTIVITY_FORM}}{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}{{/ACTIVITY_FORM}}
  <form class="form" method="post" action="/agreements/{{SLUG}}/activities" aria-labelledby="activity-form-heading">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="activity_kind">{{_ Kind _}}</label>
      <select id="activity_kind" name="kind">{{#ACTIVITY_KIND}}<option value="{{KEY}}">{{LABEL}}</option>{{/ACTIVITY_KIND}}</select>
      {{#ACTIVITY_FORM}}{{#KIND_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/KIND_ERROR}}{{/ACTIVITY_FORM}}
    </div>
    <div class="field">
      <label for="activity_happened_on">{{_ Date _}}</label>
      <input id="activity_happened_on" name="happened_on" maxlength="21" placeholder="2014-12-10/2014-12-13" aria-describedby="date-hint">
      {{#ACTIVITY_FORM}}{{#HAPPENED_ON_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/HAPPENED_ON_ERROR}}{{/ACTIVITY_FORM}}
    </div>
    <div class="field">
      <label for="activity_place">{{_ Place _}}</label>
      <input id="activity_place" name="place" maxlength="200">
    </div>
    <div class="field">
      <label for="activity_text">{{_ What was done _}}</label>
      <textarea id="activity_text" name="text" rows="3" maxlength="4000"></textarea>
      {{#ACTIVITY_FORM}}{{#TEXT_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TEXT_ERROR}}{{/ACTIVITY_FORM}}
    </div>
    <div class="field">
      <label for="activity_language">{{_ Language of the text _}}</label>
      <select id="activity_language" name="text_language">{{#ACTIVITY_LANGUAGE}}<option value="{{CODE}}" lang="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/ACTIVITY_LANGUAGE}}</select>
    </div>
    <fieldset class="field">
      <legend>{{_ Objectives it serves _}}</legend>
      {{#ACTIVITY_OBJECTIVE}}<label class="checkbox"><input type="checkbox" name="objective_{{ID}}" value="1"> {{NUMBER}}. <span{{#TEXT_LANG}} lang="{{LANG}}"{{/TEXT_LANG}}>{{TEXT}}</span></label>{{/ACTIVITY_OBJECTIVE}}
      {{#ACTIVITY_FORM}}{{#OBJECTIVES_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/OBJECTIVES_ERROR}}{{/ACTIVITY_FORM}}
    </fieldset>
    <button class="button" type="submit">{{_ Add the activity _}}</button>
  </form>

  <h3 id="review-form-heading">{{_ The yearly review _}}</h3>
  {{#REVIEW_FORM}}{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}{{/REVIEW_FORM}}
  <form class="form" method="post" action="/agreements/{{SLUG}}/reviews" aria-labelledby="review-form-heading">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="review_year">{{_ Year _}}</label>
      <input id="review_year" name="year" inputmode="numeric" maxlength="4" size="6" value="{{THIS_YEAR}}">
      {{#REVIEW_FORM}}{{#YEAR_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/YEAR_ERROR}}{{/REVIEW_FORM}}
    </div>
    <div class="field"><label for="review_findings">{{_ Findings _}}</label><textarea id="review_findings" name="findings" rows="2" maxlength="4000"></textarea>
      {{#REVIEW_FORM}}{{#FINDINGS_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/FINDINGS_ERROR}}{{/REVIEW_FORM}}</div>
    <div class="field"><label for="review_decisions">{{_ Decisions _}}</label><textarea id="review_decisions" name="decisions" rows="2" maxlength="4000"></textarea></div>
    <div class="field"><label for="review_next_actions">{{_ Next actions _}}</label><textarea id="review_next_actions" name="next_actions" rows="2" maxlength="4000"></textarea></div>
    <div class="field">
      <label for="review_language">{{_ Language of the text _}}</label>
      <select id="review_language" name="text_language">{{#REVIEW_LANGUAGE}}<option value="{{CODE}}" lang="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/REVIEW_LANGUAGE}}</select>
    </div>
    <button class="button" type="submit">{{_ Save the review _}}</button>
  </form>

  <h3 id="document-form-heading">{{_ A signed text _}}</h3>
  {{#DOCUMENT_FORM}}{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}{{/DOCUMENT_FORM}}
  <form class="form" method="post" action="/agreements/{{SLUG}}/documents" enctype="multipart/form-data" aria-labelledby="document-form-heading">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <div class="field">
      <label for="document_file">{{_ File (PDF, DOCX or ODT, at most 20 MB) _}}</label>
      <input id="document_file" name="file" type="file" accept=".pdf,.docx,.odt" required>
      {{#DOCUMENT_FORM}}{{#FILE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/FILE_ERROR}}{{/DOCUMENT_FORM}}
    </div>
    <div class="field">
      <label for="document_language">{{_ Language of the text _}}</label>
      <select id="document_language" name="language">{{#DOCUMENT_LANGUAGE}}<option value="{{CODE}}" lang="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/DOCUMENT_LANGUAGE}}</select>
      {{#DOCUMENT_FORM}}{{#LANGUAGE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/LANGUAGE_ERROR}}{{/DOCUMENT_FORM}}
    </div>
    <button class="button" type="submit">{{_ Upload _}}</button>
  </form>
</section>{{/MAY_EDIT}}
