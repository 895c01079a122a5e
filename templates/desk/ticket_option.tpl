{{%AUTOESCAPE context="HTML"}}{{#OPT}}<option value="{{VALUE}}">{{LABEL}}</option>{{/OPT}}
