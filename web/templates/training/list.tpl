{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Training _}}</h1>
<p class="lead">{{_ Courses and round-tables of the bars' training centres, with the jurisdictions that accredited them for continuing professional development. _}}</p>
{{#MAY_CREATE}}<p><a class="button" href="/training/new">{{_ Publish a course _}}</a></p>{{/MAY_CREATE}}
{{#SIGNED_IN}}<p><a href="/training/mine">{{_ Your training _}}</a></p>{{/SIGNED_IN}}
<form class="form search-form" method="get" action="/training" role="search" aria-label="{{_ Filter the courses _}}">
  <div class="filters">
    <div class="field">
      <label for="q">{{_ Words of the title _}}</label>
      <input id="q" name="q" maxlength="200" value="{{Q}}">
    </div>
    <div class="field">
      <label for="provider">{{_ Training centre _}}</label>
      <select id="provider" name="provider">
        <option value="">{{_ All training centres _}}</option>
        {{#PROVIDER_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/PROVIDER_OPTION}}
      </select>
    </div>
    <div class="field">
      <label for="language">{{_ Language _}}</label>
      <select id="language" name="language">
        <option value="">{{_ Any language _}}</option>
        {{#LANGUAGE_OPTION}}<option value="{{CODE}}" lang="{{CODE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>{{/LANGUAGE_OPTION}}
      </select>
      {{#LANGUAGE_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/LANGUAGE_ERROR}}
    </div>
    <div class="field">
      <label for="format">{{_ Format _}}</label>
      <select id="format" name="format">
        <option value="">{{_ Any format _}}</option>
        {{#FORMAT_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/FORMAT_OPTION}}
      </select>
      {{#FORMAT_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/FORMAT_ERROR}}
    </div>
    <div class="field">
      <label for="topic">{{_ Topic _}}</label>
      <select id="topic" name="topic">
        <option value="">{{_ Any topic _}}</option>
        {{#TOPIC_OPTION}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{LABEL}}</option>{{/TOPIC_OPTION}}
      </select>
      {{#TOPIC_ERROR}}<p class="field-error">{{MESSAGE}}</p>{{/TOPIC_ERROR}}
    </div>
  </div>
  <button class="button" type="submit">{{_ Filter _}}</button>
</form>
{{#FORM_ERROR}}<div class="alert alert-error" role="alert">{{MESSAGE}}</div>{{/FORM_ERROR}}
<p class="muted" role="status">{{_ Courses found: _}} {{TOTAL}}</p>
{{#NO_COURSES}}<p>{{_ No course matches. _}}</p>{{/NO_COURSES}}
<ul class="cards courses">
  {{#COURSE}}<li class="card">
    <h2 class="card-title"><a href="/training/{{SLUG}}"{{#TITLE_LANG}} lang="{{LANG}}"{{/TITLE_LANG}}>{{TITLE}}</a></h2>
    <p class="card-meta"><a href="/organizations/{{PROVIDER_SLUG}}"{{#PROVIDER_LANG}} lang="{{LANG}}"{{/PROVIDER_LANG}}>{{PROVIDER}}</a></p>
    <p class="card-meta">{{FACTS}}</p>
  </li>{{/COURSE}}
</ul>
<nav class="pagination" aria-label="{{_ Pages _}}">
  {{#PREVIOUS}}<a href="{{PREVIOUS_HREF}}" rel="prev">{{_ Previous page _}}</a>{{/PREVIOUS}}
  {{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">{{_ Next page _}}</a>{{/NEXT}}
</nav>
