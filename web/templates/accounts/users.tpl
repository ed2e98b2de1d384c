{{%AUTOESCAPE context="HTML"}}
<h1>{{_ Users _}}</h1>
<nav class="subnav" aria-label="{{_ Administration _}}">
  <a href="/admin/users" aria-current="page">{{_ Users _}}</a>
  <a href="/admin/audit">{{_ Audit log _}}</a>
</nav>
<form class="form form-inline" method="get" action="/admin/users" role="search">
  <div class="field">
    <label for="q">{{_ Search by name or email _}}</label>
    <input id="q" name="q" type="search" value="{{SEARCH}}">
  </div>
  <button class="button" type="submit">{{_ Search _}}</button>
</form>
<p>{{_ Users found: _}} {{TOTAL}}</p>
{{#NO_USERS}}<p>{{_ No user matches. _}}</p>{{/NO_USERS}}
<table class="table">
  <caption class="visually-hidden">{{_ Users _}}</caption>
  <thead><tr><th scope="col">{{_ Name _}}</th><th scope="col">{{_ Email _}}</th><th scope="col">{{_ Last seen _}}</th></tr></thead>
  <tbody>
  {{#USER}}<tr>
    <td><a href="/admin/users/{{ID}}">{{NAME}}</a>{{#DEMO}} <span class="badge">{{_ demo _}}</span>{{/DEMO}}</td>
    <td>{{EMAIL}}</td><td>{{LAST_SEEN}}</td>
  </tr>{{/USER}}
  </tbody>
</table>
<nav class="pagination" aria-label="{{_ Pages _}}">
  {{#PREVIOUS}}<a href="{{PREVIOUS_HREF}}" rel="prev">{{_ Previous page _}}</a>{{/PREVIOUS}}
  {{#NEXT}}<a href="{{NEXT_HREF}}" rel="next">{{_ Next page _}}</a>{{/NEXT}}
</nav>
