package dev.rediscdi.sample.quarkus.shop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import dev.rediscdi.sample.quarkus.cache.ProductCatalog;

/**
 * The shop page: {@code GET /shop} shows it; {@code POST /shop/login}, {@code /shop/cart} and {@code /shop/logout}
 * change the session and redirect back to it (post/redirect/get). A plain servlet, so that the session is the one
 * the session store's filter gives to every servlet request.
 */
@WebServlet(urlPatterns = { "/shop", "/shop/*" })
public class ShopServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int MAX_NAME = 40;
    private static final int MAX_QUANTITY = 99;

    @Inject
    transient ProductCatalog catalog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getPathInfo() != null && !request.getPathInfo().equals("/")) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        page(request, response, HttpServletResponse.SC_OK, null);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String action = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (action) {
            case "/login" -> login(request, response);
            case "/cart" -> add(request, response);
            case "/logout" -> logout(request, response);
            default -> response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getParameter("user") == null ? "" : request.getParameter("user").trim();
        if (user.isEmpty() || user.length() > MAX_NAME) {
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, "A name is 1 to " + MAX_NAME + " characters.");
            return;
        }
        HttpSession session = request.getSession(true);
        request.changeSessionId(); // a new id at login: a session id planted before cannot be used to follow the user
        session.setAttribute(Cart.USER, user);
        backToThePage(response);
    }

    private void add(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (Cart.user(session) == null) {
            backToThePage(response);
            return;
        }
        String product = request.getParameter("product");
        if (product == null || catalog.all().stream().noneMatch(known -> known.id().equals(product))) {
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, "Unknown product: choose one from the list.");
            return;
        }
        int quantity;
        try {
            quantity = Integer.parseInt(String.valueOf(request.getParameter("quantity")).trim());
        } catch (NumberFormatException e) {
            quantity = 0;
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            page(request, response, HttpServletResponse.SC_BAD_REQUEST, "A quantity is a whole number from 1 to " + MAX_QUANTITY + ".");
            return;
        }
        Cart.add(session, product, quantity);
        backToThePage(response);
    }

    private static void logout(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        backToThePage(response);
    }

    private void page(HttpServletRequest request, HttpServletResponse response, int status, String problem) throws IOException {
        HttpSession session = request.getSession(false);
        response.setStatus(status);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(ShopPage.render(Cart.user(session), Cart.items(session), catalog.all(), problem));
    }

    private static void backToThePage(HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_SEE_OTHER);
        response.setHeader("Location", "/shop");
    }
}
