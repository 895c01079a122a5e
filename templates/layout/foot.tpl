{{%AUTOESCAPE context="HTML"}}</main>
<footer class="foot"><p>{{FOOTER_NOTE}}</p></footer>
</body>
</html>
